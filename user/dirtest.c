/* user/dirtest.c: names and directories as Linux gives them: mkdir,
 * rmdir, unlink, rename, link, symlink, readlink, the *at() calls, stat,
 * lstat, fstatat, statx, access, umask, chmod, getdents64, chdir, fchdir,
 * getcwd, symlink loops, long names, and execve through any spelling of a
 * path. Runs in a fresh directory under /tmp, on pagoda and on the host;
 * KTAP output, exit 0 if every case passed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scratch.h"


static void touch(const char *path)
{
	close(open(path, O_CREAT | O_WRONLY, 0644));
}

static bool make_and_remove(void)
{
	bool ok = expect(mkdir("d", 0755) == 0, "mkdir");
	ok &= fails_with(mkdir("d", 0755), EEXIST, "mkdir twice");
	ok &= fails_with(mkdir(".", 0755), EEXIST, "mkdir .");
	ok &= fails_with(mkdir("no/d", 0755), ENOENT, "mkdir in a missing dir");
	ok &= expect(mkdir("d/e/", 0755) == 0, "mkdir with a trailing slash");
	touch("d/f");
	struct stat st;
	ok &= expect(stat("d", &st) == 0 && S_ISDIR(st.st_mode) &&
		     st.st_nlink == 3, "a directory's links: ., its name, e/..");
	ok &= fails_with(rmdir("d"), ENOTEMPTY, "rmdir a full directory");
	ok &= fails_with(rmdir("d/f"), ENOTDIR, "rmdir a file");
	ok &= fails_with(unlink("d/e"), EISDIR, "unlink a directory");
	ok &= fails_with(unlink("d/f/"), ENOTDIR, "unlink file/");
	ok &= fails_with(rmdir("d/e/."), EINVAL, "rmdir .");
	ok &= fails_with(unlink("d/nope"), ENOENT, "unlink a missing file");
	ok &= expect(unlink("d/f") == 0 && rmdir("d/e/") == 0 && rmdir("d") == 0,
		     "empty it, then rmdir");
	ok &= fails_with(stat("d", &st), ENOENT, "gone");
	return ok;
}

static bool links_and_renames(void)
{
	touch("a");
	struct stat st, st2;
	bool ok = expect(link("a", "b") == 0, "link");
	ok &= expect(stat("a", &st) == 0 && stat("b", &st2) == 0 &&
		     st.st_ino == st2.st_ino && st.st_nlink == 2, "one inode, two links");
	ok &= fails_with(link("a", "b"), EEXIST, "link onto a name");
	ok &= fails_with(link(".", "c"), EPERM, "link a directory");
	ok &= expect(rename("a", "c") == 0 && stat("c", &st2) == 0 &&
		     st2.st_ino == st.st_ino, "rename keeps the inode");
	ok &= fails_with(stat("a", &st2), ENOENT, "the old name is gone");
	ok &= expect(rename("c", "b") == 0 && stat("b", &st2) == 0 &&
		     st2.st_nlink == 2 && access("c", F_OK) == 0,
		     "rename onto another link of the same file does nothing");
	ok &= expect(unlink("c") == 0, "unlink c");
	mkdir("m", 0755);
	mkdir("m/n", 0755);
	ok &= fails_with(rename("m", "m/n/x"), EINVAL, "a directory into itself");
	ok &= fails_with(rename("b", "m"), EISDIR, "a file over a directory");
	ok &= fails_with(rename("m", "b"), ENOTDIR, "a directory over a file");
	ok &= fails_with(rename("m/n/..", "z"), EBUSY, "rename ..");
	mkdir("o", 0755);
	ok &= expect(rename("o", "m/n") == 0, "a directory over an empty one");
	ok &= fails_with(rename("m", "m/n"), EINVAL, "into its own child");
	ok &= expect(rename("m", "p") == 0 && stat("p/n", &st) == 0 &&
		     S_ISDIR(st.st_mode), "a directory moves with its contents");
	ok &= expect(rmdir("p/n") == 0 && rmdir("p") == 0 && unlink("b") == 0,
		     "clean up");
	return ok;
}

static bool symlinks(void)
{
	touch("t");
	bool ok = expect(symlink("t", "s") == 0, "symlink");
	ok &= expect(symlink("/nonexistent/x", "dangling") == 0, "dangling symlink");
	ok &= fails_with(symlink("t", "s"), EEXIST, "symlink onto a name");
	ok &= fails_with(symlink("", "e"), ENOENT, "empty target");
	char b[64] = { 0 };
	ok &= expect(readlink("s", b, sizeof(b)) == 1 && b[0] == 't', "readlink");
	ok &= expect(readlink("dangling", b, 4) == 4 && !memcmp(b, "/non", 4),
		     "readlink truncates");
	ok &= fails_with(readlink("t", b, sizeof(b)), EINVAL, "readlink a file");
	struct stat st, lst;
	ok &= expect(stat("s", &st) == 0 && S_ISREG(st.st_mode), "stat follows");
	ok &= expect(lstat("s", &lst) == 0 && S_ISLNK(lst.st_mode) &&
		     lst.st_size == 1, "lstat does not");
	ok &= fails_with(stat("dangling", &st), ENOENT, "stat a dangling link");
	ok &= expect(symlink("loop2", "loop1") == 0 && symlink("loop1", "loop2") == 0,
		     "a loop");
	ok &= fails_with(open("loop1", O_RDONLY), ELOOP, "open a loop");
	ok &= fails_with(stat("loop1/x", &st), ELOOP, "walk through a loop");
	ok &= fails_with(open("s", O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW");
	ok &= fails_with(open("s/", O_RDONLY), ENOTDIR, "link to a file, slash");
	mkdir("realdir", 0755);
	symlink("realdir", "dirlink");
	touch("realdir/inside");
	ok &= expect(stat("dirlink/inside", &st) == 0, "through a link to a dir");
	ok &= expect(unlink("dirlink") == 0 && stat("realdir", &st) == 0,
		     "unlink removes the link only");
	int fd = open("dangling2", O_CREAT | O_WRONLY, 0644);
	close(fd);
	unlink("realdir/inside");
	rmdir("realdir");
	ok &= expect(unlink("loop1") == 0 && unlink("loop2") == 0 &&
		     unlink("s") == 0 && unlink("t") == 0 && unlink("dangling") == 0 &&
		     unlink("dangling2") == 0, "clean up");
	return ok;
}

static bool long_names(void)
{
	static char name[5000];
	memset(name, 'n', 256);
	name[256] = '\0';
	bool ok = fails_with(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG,
			     "a 256-byte name");
	name[255] = '\0';
	int fd = open(name, O_CREAT | O_WRONLY, 0644);
	ok &= expect(fd >= 0, "a 255-byte name");
	close(fd);
	ok &= expect(unlink(name) == 0, "unlink it");
	for (int i = 0; i < 4096; i += 2)
		name[i] = '.', name[i + 1] = '/';
	name[4096] = '\0';
	struct stat st;
	ok &= fails_with(stat(name, &st), ENAMETOOLONG, "a 4096-byte path");
	name[4094] = '\0';  /* "./" * 2047: 4094 bytes, the NUL fits */
	ok &= expect(stat(name, &st) == 0, "a 4094-byte path");
	return ok;
}

static bool stat_calls(void)
{
	mode_t old = umask(027);
	int fd = open("m", O_CREAT | O_WRONLY, 0666);
	struct stat st;
	bool ok = expect(fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0640,
			 "umask masks the mode");
	ok &= expect(umask(old) == 027, "umask returns the old mask");
	ok &= expect(write(fd, "12345", 5) == 5, "write");
	ok &= expect(fchmod(fd, 0600) == 0 && chmod("m", 0751) == 0 &&
		     stat("m", &st) == 0 && (st.st_mode & 07777) == 0751, "chmod");
	ok &= expect(fstatat(AT_FDCWD, "m", &st, 0) == 0 && st.st_size == 5,
		     "fstatat");
	ok &= expect(fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 5,
		     "fstatat AT_EMPTY_PATH");
	ok &= fails_with(fstatat(AT_FDCWD, "m", &st, 0x1), EINVAL, "bad flags");
	struct statx sx;
	memset(&sx, 0xff, sizeof(sx));
	ok &= expect(statx(AT_FDCWD, "m", 0, STATX_BASIC_STATS, &sx) == 0 &&
		     sx.stx_size == 5 && (sx.stx_mode & 07777) == 0751 &&
		     (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS &&
		     sx.stx_ino == st.st_ino && sx.stx_nlink == 1, "statx");
	ok &= expect(access("m", R_OK | X_OK) == 0, "access");
	chmod("m", 0644);
	ok &= fails_with(access("m", X_OK), EACCES, "access X_OK without x");
	ok &= fails_with(access("nope", F_OK), ENOENT, "access a missing file");
	ok &= fails_with(access("m", 8), EINVAL, "access bad mode");
	ok &= fails_with(stat((char *)8, &st), EFAULT, "bad path");
	ok &= fails_with(stat("m", (void *)8), EFAULT, "bad buffer");
	close(fd);
	return ok & expect(unlink("m") == 0, "unlink");
}

/* getdents64 over a directory: every name once, "." and ".." included. */
static int count_names(const char *path, const char *want, int *found)
{
	static char buf[1024];  /* small: several calls for /bin */
	int fd = open(path, O_RDONLY | O_DIRECTORY), n = 0;
	long got;
	*found = 0;
	if (fd < 0)
		return -1;
	while ((got = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < got;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			n++;
			*found += !strcmp(d->d_name, want);
			off += d->d_reclen;
		}
	}
	close(fd);
	return got < 0 ? -1 : n;
}

static bool directory_listing(void)
{
	touch("x1");
	touch("x2");
	mkdir("x3", 0755);
	int found;
	bool ok = expect(count_names(".", "x2", &found) == 5 && found == 1,
			 "., .., x1, x2, x3");
	ok &= expect(count_names("/bin", "sh", &found) > 10 && found == 1,
		     "/bin lists sh");
	char tiny[8];
	int fd = open(".", O_RDONLY);
	static char big[512];
	long first = getdents64(fd, big, sizeof(big));
	ok &= expect(first > 0 && lseek(fd, 0, SEEK_SET) == 0 &&
		     getdents64(fd, big, sizeof(big)) == first, "rewind with lseek");
	lseek(fd, 0, SEEK_SET);
	ok &= fails_with(getdents64(fd, tiny, sizeof(tiny)), EINVAL, "tiny buffer");
	close(fd);
	fd = open("x1", O_RDONLY);
	ok &= fails_with(getdents64(fd, tiny, sizeof(tiny)), ENOTDIR, "not a dir");
	close(fd);
	unlink("x1");
	unlink("x2");
	rmdir("x3");
	return ok;
}

static bool working_directory(void)
{
	char b[256], here[128];
	bool ok = expect(getcwd(here, sizeof(here)) && !strcmp(here, scratch_dir), "getcwd");
	ok &= fails_with(getcwd(b, 4) ? 0 : -1, ERANGE, "getcwd small buffer");
	mkdir("w", 0755);
	ok &= expect(chdir("w") == 0 && getcwd(b, sizeof(b)) &&
		     !strncmp(b, here, strlen(here)) && !strcmp(b + strlen(here), "/w"),
		     "chdir into w");
	touch("inw");
	ok &= expect(chdir("..") == 0 && access("w/inw", F_OK) == 0,
		     "relative paths follow the cwd");
	int fd = open("w", O_RDONLY | O_DIRECTORY);
	ok &= expect(fchdir(fd) == 0 && access("inw", F_OK) == 0, "fchdir");
	int at = openat(fd, "new", O_CREAT | O_WRONLY, 0644);
	ok &= expect(at >= 0, "openat");
	close(at);
	ok &= expect(mkdirat(fd, "sub", 0755) == 0 && unlinkat(fd, "sub", AT_REMOVEDIR) == 0,
		     "mkdirat, unlinkat AT_REMOVEDIR");
	ok &= fails_with(unlinkat(fd, "new", 0x1), EINVAL, "unlinkat bad flags");
	ok &= expect(unlinkat(fd, "new", 0) == 0, "unlinkat");
	int f = open("inw", O_RDONLY);
	ok &= fails_with(openat(f, "x", O_RDONLY, 0), ENOTDIR, "openat on a file fd");
	ok &= fails_with(fchdir(f), ENOTDIR, "fchdir to a file");
	close(f);
	chdir(here);
	unlink("w/inw");
	ok &= expect(chdir("w") == 0 && rmdir("../w") == 0, "remove the cwd");
	ok &= fails_with(getcwd(b, sizeof(b)) ? 0 : -1, ENOENT, "getcwd of a removed dir");
	ok &= fails_with(open("x", O_CREAT | O_WRONLY, 0644), ENOENT,
			 "create in a removed dir");
	struct stat dot, up, there;
	ok &= expect(stat(".", &dot) == 0 && S_ISDIR(dot.st_mode) && dot.st_nlink == 0,
		     "a removed dir's . is still there, with no links");
	ok &= expect(stat(here, &there) == 0 && stat("..", &up) == 0 &&
		     up.st_ino == there.st_ino, "its .. is its old parent");
	ok &= fails_with(stat("./x", &up), ENOENT, "but it has no names");
	ok &= expect(chdir("..") == 0 && getcwd(b, sizeof(b)) && !strcmp(b, here),
		     "cd .. leaves it");
	close(fd);
	return ok;
}

/* execve finds programs through the same lookup as open. */
static int run(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "exit42", NULL };
		execve(path, argv, NULL);
		_exit(100 + errno);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static bool exec_paths(void)
{
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* a host that cannot */
		note("skipped: this host cannot execve an i386 program");
		return true;
	}
	char prog[160];
	snprintf(prog, sizeof(prog), "%s", getenv("EXIT42") ? getenv("EXIT42")
							   : "/bin/exit42");
	char *slash = strrchr(prog, '/');
	*slash = '\0';  /* prog is its directory now, slash + 1 its name */
	char p[200];
	snprintf(p, sizeof(p), "%s//%s", prog, slash + 1);
	bool ok = expect(run(p) == 42, "dir//prog");
	snprintf(p, sizeof(p), "%s/./%s", prog, slash + 1);
	ok &= expect(run(p) == 42, "dir/./prog");
	snprintf(p, sizeof(p), "%s/%s/", prog, slash + 1);
	ok &= expect(run(p) == 100 + ENOTDIR, "dir/prog/ is ENOTDIR");
	snprintf(p, sizeof(p), "%s/%s", prog, slash + 1);
	ok &= expect(symlink(p, "e42") == 0 && run("e42") == 42 && run("./e42") == 42,
		     "through a symlink, relative");
	ok &= expect(run("nope") == 100 + ENOENT, "a missing program");
	ok &= expect(run(".") == 100 + EACCES, "a directory");
	unlink("e42");
	return ok;
}

static const struct ktap_case cases[] = {
	{ "dir.make_and_remove", make_and_remove },
	{ "dir.links_and_renames", links_and_renames },
	{ "dir.symlinks_and_loops", symlinks },
	{ "dir.long_names", long_names },
	{ "dir.stat_calls", stat_calls },
	{ "dir.listing_with_getdents64", directory_listing },
	{ "dir.working_directory", working_directory },
	{ "dir.exec_paths", exec_paths },
};

int main(void)
{
	return scratch_run("dirtest", cases, KTAP_COUNT(cases));
}
