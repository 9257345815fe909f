/* user/ownertest.c: who owns a file, as Linux keeps it: a new file is its
 * creator's (fsuid, fsgid; the directory's group under a set-group-ID
 * directory); chown, lchown, fchown, fchownat and the 16-bit chown change
 * it; only root gives a file away, an owner may pick one of their own
 * groups, anyone else gets EPERM; a chown clears set-user-ID (and
 * set-group-ID when the group may execute) on files but not directories.
 * Runs in a scratch directory under /tmp, on pagoda and on the host, as
 * root; the cases that need another user run in a child that becomes
 * uid 1000, gid 100 (supplementary group 200). KTAP; exit 0 if all passed. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scratch.h"

static struct stat st_of(const char *path)
{
	struct stat st;
	memset(&st, 0, sizeof(st));
	if (lstat(path, &st))
		note("lstat %s: errno %d", path, errno);
	return st;
}

static bool owned_by(const char *path, uid_t uid, gid_t gid)
{
	struct stat st = st_of(path);
	if (st.st_uid == uid && st.st_gid == gid)
		return true;
	note("%s is %u:%u, want %u:%u", path, (unsigned)st.st_uid,
	     (unsigned)st.st_gid, (unsigned)uid, (unsigned)gid);
	return false;
}

/* Run fn in a child that is uid 1000, gid 100, groups { 100, 200 }; its
 * exit status 0 means every check in it passed. */
static bool as_user(bool (*fn)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		uint32_t groups[] = { 100, 200 };
		if (syscall(__NR_setgroups32, 2, groups) || setresgid(100, 100, 100) ||
		    setresuid(1000, 1000, 1000))
			_exit(2);
		_exit(fn() ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	if (status)
		note("the uid 1000 child: status %#x", status);
	return status == 0;
}

static bool new_files_are_their_creators(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	bool ok = owned_by("f", getuid(), getgid());
	ok &= expect(chmod(".", 0777) == 0, "let uid 1000 create here");
	return ok;
}

static bool user_creates(void)
{
	int fd = open("mine", O_CREAT | O_WRONLY, 0644);
	close(fd);
	return expect(fd >= 0, "create as uid 1000") && owned_by("mine", 1000, 100);
}

static bool a_user_makes_files_of_their_own(void)
{
	return as_user(user_creates) & owned_by("mine", 1000, 100);
}

static bool root_gives_files_away(void)
{
	bool ok = expect(chown("f", 1000, 100) == 0, "chown") && owned_by("f", 1000, 100);
	ok &= expect(chown("f", (uid_t)-1, 7) == 0, "-1 keeps the owner") &&
	      owned_by("f", 1000, 7);
	ok &= expect(symlink("f", "l") == 0, "symlink");
	ok &= expect(lchown("l", 5, 6) == 0, "lchown") && owned_by("l", 5, 6) &&
	      owned_by("f", 1000, 7);
	ok &= expect(chown("l", 8, 9) == 0, "chown follows") && owned_by("f", 8, 9);
	int fd = open("f", O_RDONLY);
	ok &= expect(fchown(fd, 0, 0) == 0, "fchown") && owned_by("f", 0, 0);
	ok &= expect(fchownat(fd, "", 3, 3, AT_EMPTY_PATH) == 0, "fchownat \"\"") &&
	      owned_by("f", 3, 3);
	ok &= expect(fchownat(AT_FDCWD, "l", 4, 4, AT_SYMLINK_NOFOLLOW) == 0,
		     "fchownat nofollow") && owned_by("l", 4, 4) && owned_by("f", 3, 3);
	/* the 16-bit call: 0xffff is -1 */
	ok &= expect(syscall(__NR_chown, "f", 0xffff, 11) == 0, "chown16") &&
	      owned_by("f", 3, 11);
	close(fd);
	unlink("l");
	return ok && expect(chown("f", 0, 0) == 0, "back to root");
}

static bool mode_after_chown(const char *path, mode_t set, mode_t want)
{
	chmod(path, set);
	bool ok = expect(chown(path, 0, 0) == 0, "chown");
	mode_t got = st_of(path).st_mode & 07777;
	if (got != want)
		note("%s: %o after chown, want %o", path, (unsigned)got, (unsigned)want);
	return ok && got == want;
}

static bool chown_clears_set_id_bits_of_files(void)
{
	bool ok = mode_after_chown("f", 06755, 0755);
	ok &= mode_after_chown("f", 06745, 02745);  /* no group x: sgid stays */
	mkdir("d", 0755);
	ok &= mode_after_chown("d", 03755, 03755);  /* directories keep them */
	rmdir("d");
	return ok;
}

static bool user_chowns(void)
{
	bool ok = fails_with(chown("mine", 0, (gid_t)-1), EPERM, "give it to root");
	ok &= fails_with(chown("mine", 1000, 5), EPERM, "a group not mine");
	ok &= expect(chown("mine", 1000, 200) == 0, "a supplementary group") &&
	      owned_by("mine", 1000, 200);
	ok &= expect(chown("mine", (uid_t)-1, 100) == 0, "back to my group");
	ok &= fails_with(chown("f", (uid_t)-1, 100), EPERM, "someone else's file");
	ok &= fails_with(chown("f", 0, (gid_t)-1), EPERM, "even to its own owner");
	return ok;
}

static bool only_owners_and_root_may_change_owners(void)
{
	return as_user(user_chowns) & owned_by("mine", 1000, 100) &
	       owned_by("f", 0, 0);
}

static bool set_group_id_directories_pass_their_group_down(void)
{
	bool ok = expect(mkdir("g", 0755) == 0 && chown("g", 0, 42) == 0 &&
			 chmod("g", 02775) == 0, "a set-group-ID directory");
	close(open("g/file", O_CREAT | O_WRONLY, 0644));
	ok &= owned_by("g/file", 0, 42);
	ok &= expect(mkdir("g/sub", 0755) == 0, "mkdir inside") && owned_by("g/sub", 0, 42);
	ok &= expect(st_of("g/sub").st_mode & S_ISGID, "the subdirectory is set-group-ID too");
	unlink("g/file");
	rmdir("g/sub");
	rmdir("g");
	return ok;
}

static bool errors_as_linux(void)
{
	bool ok = fails_with(chown("nosuch", 0, 0), ENOENT, "no file");
	ok &= fails_with(fchown(-1, 0, 0), EBADF, "bad fd");
	ok &= fails_with(fchownat(AT_FDCWD, "f", 0, 0, 0x4000), EINVAL, "bad flags");
	unlink("f");
	unlink("mine");
	return ok;
}

static const struct ktap_case cases[] = {
	{ "owner.new_files_are_their_creators", new_files_are_their_creators },
	{ "owner.a_user_makes_files_of_their_own", a_user_makes_files_of_their_own },
	{ "owner.root_gives_files_away", root_gives_files_away },
	{ "owner.chown_clears_set_id_bits_of_files", chown_clears_set_id_bits_of_files },
	{ "owner.only_owners_and_root_may_change_owners",
	  only_owners_and_root_may_change_owners },
	{ "owner.set_group_id_directories_pass_their_group_down",
	  set_group_id_directories_pass_their_group_down },
	{ "owner.errors_as_linux", errors_as_linux },
};

int main(void)
{
	return scratch_run("ownertest", cases, KTAP_COUNT(cases));
}
