/* user/ftimes.c: file times as Linux keeps them: a new file has the time
 * it was made in all three; write and truncate move mtime and ctime;
 * chmod, link and rename move ctime only; a read moves atime (relatime:
 * only while atime is not newer than mtime or ctime); a directory's mtime
 * and ctime move when a name in it is added or removed; statx reports
 * the same; utimensat, futimens, utimes and utime set atime and mtime as
 * asked (UTIME_NOW, UTIME_OMIT), moving ctime to now; a write through a
 * MAP_SHARED mapping moves mtime and ctime as write() does. Runs in a scratch directory under /tmp, on pagoda and on the
 * host; KTAP output, exit 0 if every case passed. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "scratch.h"

/* Ns since the epoch of a stat time. */
#define NS(st, which) ((int64_t)(st).which##_sec * 1000000000 + (st).which##_nsec)

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* 30 ms: more than a host's file-time granularity (its coarse clock). */
static void pause_a_little(void)
{
	struct timespec ts = { 0, 30 * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

static struct stat st_of(const char *path)
{
	struct stat st;
	memset(&st, 0, sizeof(st));
	if (stat(path, &st))
		note("stat %s: errno %d", path, errno);
	return st;
}

static bool new_file_has_the_time_it_was_made(void)
{
	int64_t before = now_ns();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	int64_t after = now_ns();
	struct stat st = st_of("f");
	int64_t m = NS(st, st_mtime);
	/* a tick of slack: file times may come from a coarser clock */
	bool ok = expect(m >= before - 20000000 && m <= after + 20000000, "mtime is now");
	ok &= expect(NS(st, st_atime) == m && NS(st, st_ctime) == m, "all three equal");
	ok &= expect(st.st_mtime > 1000000000, "a real date, not 0");
	unlink("f");
	return ok;
}

static bool write_and_truncate_move_mtime_and_ctime(void)
{
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	struct stat a = st_of("f"), b, c;
	pause_a_little();
	bool ok = expect(write(fd, "hello", 5) == 5, "write");
	b = st_of("f");
	ok &= expect(NS(b, st_mtime) > NS(a, st_mtime), "write moved mtime");
	ok &= expect(NS(b, st_ctime) == NS(b, st_mtime), "and ctime with it");
	ok &= expect(NS(b, st_atime) == NS(a, st_atime), "but not atime");
	pause_a_little();
	ok &= expect(ftruncate(fd, 2) == 0, "ftruncate");
	c = st_of("f");
	ok &= expect(NS(c, st_mtime) > NS(b, st_mtime), "truncate moved mtime");
	ok &= expect(NS(c, st_ctime) == NS(c, st_mtime), "and ctime");
	close(fd);
	unlink("f");
	return ok;
}

static bool read_moves_atime_as_relatime_does(void)
{
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	char buf[4];
	write(fd, "abc", 3);
	struct stat a = st_of("f"), b, c;
	pause_a_little();
	bool ok = expect(pread(fd, buf, 3, 0) == 3, "read");
	b = st_of("f");
	ok &= expect(NS(b, st_atime) > NS(a, st_atime), "a read after a write moves atime");
	ok &= expect(NS(b, st_mtime) == NS(a, st_mtime), "not mtime");
	ok &= expect(NS(b, st_ctime) == NS(a, st_ctime), "not ctime");
	pause_a_little();
	pread(fd, buf, 3, 0);
	c = st_of("f");
	ok &= expect(NS(c, st_atime) == NS(b, st_atime), "a second read does not (relatime)");
	close(fd);
	unlink("f");
	return ok;
}

static bool chmod_link_rename_move_ctime_only(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct stat a = st_of("f"), b, c, d;
	pause_a_little();
	bool ok = expect(chmod("f", 0600) == 0, "chmod");
	b = st_of("f");
	ok &= expect(NS(b, st_ctime) > NS(a, st_ctime), "chmod moved ctime");
	ok &= expect(NS(b, st_mtime) == NS(a, st_mtime), "not mtime");
	pause_a_little();
	ok &= expect(link("f", "g") == 0, "link");
	c = st_of("f");
	ok &= expect(NS(c, st_ctime) > NS(b, st_ctime), "link moved ctime");
	ok &= expect(NS(c, st_mtime) == NS(a, st_mtime), "not mtime");
	pause_a_little();
	ok &= expect(rename("g", "h") == 0, "rename");
	d = st_of("h");
	ok &= expect(NS(d, st_ctime) > NS(c, st_ctime), "rename moved ctime");
	ok &= expect(NS(d, st_mtime) == NS(a, st_mtime), "not mtime");
	unlink("f");
	unlink("h");
	return ok;
}

static bool directory_changes_with_its_names(void)
{
	mkdir("d", 0755);
	struct stat a = st_of("d"), b, c;
	pause_a_little();
	close(open("d/x", O_CREAT | O_WRONLY, 0644));
	b = st_of("d");
	bool ok = expect(NS(b, st_mtime) > NS(a, st_mtime), "a new name moved the dir's mtime");
	ok &= expect(NS(b, st_ctime) == NS(b, st_mtime), "and its ctime");
	pause_a_little();
	unlink("d/x");
	c = st_of("d");
	ok &= expect(NS(c, st_mtime) > NS(b, st_mtime), "removing it too");
	rmdir("d");
	return ok;
}

static bool statx_reports_the_same_times(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct stat st = st_of("f");
	struct statx sx;
	bool ok = expect(statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &sx) == 0, "statx");
	ok &= expect(sx.stx_mtime.tv_sec == st.st_mtime_sec &&
		     sx.stx_mtime.tv_nsec == st.st_mtime_nsec, "statx mtime");
	ok &= expect(sx.stx_ctime.tv_sec == st.st_ctime_sec &&
		     sx.stx_atime.tv_sec == st.st_atime_sec, "statx ctime and atime");
	unlink("f");
	return ok;
}

/* A store into a shared mapping is a write to the file: its write fault
 * moves mtime and ctime; a read fault moves neither. (A page first read
 * is mapped writable at once, as on Linux's tmpfs, so a later store to it
 * does not fault and moves nothing: the stores here are first touches.) */
static bool shared_mapping_write_moves_mtime(void)
{
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	bool ok = expect(ftruncate(fd, 2 * 4096) == 0, "ftruncate");
	char *m = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok &= expect(m != MAP_FAILED, "mmap");
	if (m == MAP_FAILED)
		return close(fd), unlink("f"), false;
	struct stat a = st_of("f"), b, c;
	pause_a_little();
	volatile char first = m[4096];  /* a read fault */
	(void)first;
	b = st_of("f");
	ok &= expect(NS(b, st_mtime) == NS(a, st_mtime), "a read did not move mtime");
	pause_a_little();
	m[100] = 'x';  /* a write fault */
	c = st_of("f");
	ok &= expect(NS(c, st_mtime) > NS(b, st_mtime), "the store moved mtime");
	ok &= expect(NS(c, st_ctime) == NS(c, st_mtime), "and ctime");
	munmap(m, 2 * 4096);
	close(fd);
	unlink("f");
	return ok;
}

/* The times touch -d and cp -p give: exact, to the nanosecond. */
static bool utimensat_sets_given_times_and_ctime_to_now(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct timespec t[2] = { { 1000000000, 123456789 }, { 1200000000, 5 } };
	pause_a_little();
	int64_t before = now_ns();
	bool ok = expect(utimensat(AT_FDCWD, "f", t, 0) == 0, "utimensat");
	struct stat st = st_of("f");
	ok &= expect(st.st_atime_sec == 1000000000 && st.st_atime_nsec == 123456789,
		     "atime as given");
	ok &= expect(st.st_mtime_sec == 1200000000 && st.st_mtime_nsec == 5,
		     "mtime as given");
	ok &= expect(NS(st, st_ctime) >= before - 20000000, "ctime is now");
	unlink("f");
	return ok;
}

/* UTIME_OMIT leaves a time alone, UTIME_NOW and NULL mean now; both
 * omitted is nothing at all, not even a lookup of the path. */
static bool utime_now_and_omit(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct timespec old[2] = { { 1000, 0 }, { 2000, 0 } };
	utimensat(AT_FDCWD, "f", old, 0);
	struct timespec t[2] = { { 0, UTIME_OMIT }, { 0, UTIME_NOW } };
	int64_t before = now_ns();
	bool ok = expect(utimensat(AT_FDCWD, "f", t, 0) == 0, "utimensat");
	struct stat st = st_of("f");
	ok &= expect(st.st_atime_sec == 1000, "UTIME_OMIT kept atime");
	ok &= expect(NS(st, st_mtime) >= before - 20000000, "UTIME_NOW set mtime");
	utimensat(AT_FDCWD, "f", old, 0);
	ok &= expect(utimensat(AT_FDCWD, "f", NULL, 0) == 0, "NULL times");
	st = st_of("f");
	ok &= expect(st.st_atime_sec > 1000 && st.st_mtime_sec > 2000, "both now");
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	ok &= expect(utimensat(AT_FDCWD, "no/such/file", omit, 0) == 0,
		     "both omitted: no lookup");
	unlink("f");
	return ok;
}

/* futimens works on the descriptor; utimes takes microseconds; the old
 * utime whole seconds; symlinks are followed unless AT_SYMLINK_NOFOLLOW. */
static bool futimens_utimes_utime_and_symlinks(void)
{
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	struct timespec t[2] = { { 3000, 1 }, { 4000, 2 } };
	bool ok = expect(futimens(fd, t) == 0, "futimens");
	struct stat st = st_of("f");
	ok &= expect(st.st_atime_sec == 3000 && st.st_mtime_nsec == 2, "futimens times");
	close(fd);
	struct timeval tv[2] = { { 5000, 7 }, { 6000, 999999 } };
	ok &= expect(utimes("f", tv) == 0, "utimes");
	st = st_of("f");
	ok &= expect(st.st_atime_nsec == 7000 && st.st_mtime_sec == 6000 &&
		     st.st_mtime_nsec == 999999000, "utimes in microseconds");
	long ub[2] = { 7000, 8000 };  /* struct utimbuf */
	ok &= expect(syscall(__NR_utime, "f", ub) == 0, "utime");
	st = st_of("f");
	ok &= expect(st.st_atime_sec == 7000 && st.st_mtime_sec == 8000 &&
		     st.st_mtime_nsec == 0, "utime in seconds");
	ok &= expect(symlink("f", "l") == 0, "symlink");
	struct timespec u[2] = { { 9000, 0 }, { 9000, 0 } };
	ok &= expect(utimensat(AT_FDCWD, "l", u, AT_SYMLINK_NOFOLLOW) == 0, "nofollow");
	ok &= expect(st_of("f").st_mtime_sec == 8000, "the target kept its time");
	ok &= expect(utimensat(AT_FDCWD, "l", u, 0) == 0, "follow");
	ok &= expect(st_of("f").st_mtime_sec == 9000, "the target got it");
	int p[2];
	ok &= expect(pipe(p) == 0 && futimens(p[0], NULL) == 0, "futimens on a pipe");
	close(p[0]);
	close(p[1]);
	unlink("l");
	unlink("f");
	return ok;
}

/* Linux's errors: a bad tv_nsec or usec, unknown flags, NOFOLLOW on a
 * descriptor, a missing file, a closed descriptor, a bad pointer. */
static bool utimensat_errors(void)
{
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	bool ok = fails_with(utimensat(AT_FDCWD, "f", bad, 0), EINVAL, "nsec 1e9");
	bad[0].tv_nsec = -1;
	ok &= fails_with(utimensat(AT_FDCWD, "f", bad, 0), EINVAL, "nsec -1");
	ok &= fails_with(utimensat(AT_FDCWD, "f", NULL, 0x4000), EINVAL, "flags");
	int fd = open("f", O_RDONLY);
	ok &= fails_with(utimensat(fd, NULL, NULL, AT_SYMLINK_NOFOLLOW), EINVAL,
			 "fd form with NOFOLLOW");
	close(fd);
	ok &= fails_with(futimens(fd, NULL), EBADF, "closed fd");
	ok &= fails_with(utimensat(AT_FDCWD, "nope", NULL, 0), ENOENT, "no file");
	volatile uintptr_t unmapped = 1;  /* volatile: the compiler would
					     refuse a constant bad pointer */
	ok &= fails_with(utimensat(AT_FDCWD, "f", (struct timespec *)unmapped, 0),
			 EFAULT, "bad times");
	struct timeval tv[2] = { { 0, 1000000 }, { 0, 0 } };
	ok &= fails_with(utimes("f", tv), EINVAL, "usec 1e6");
	ok &= fails_with(utimes(NULL, NULL), EFAULT, "utimes(NULL)");
	unlink("f");
	return ok;
}

static const struct ktap_case cases[] = {
	{ "times.new_file_has_the_time_it_was_made", new_file_has_the_time_it_was_made },
	{ "times.write_and_truncate_move_mtime_and_ctime", write_and_truncate_move_mtime_and_ctime },
	{ "times.read_moves_atime_as_relatime_does", read_moves_atime_as_relatime_does },
	{ "times.chmod_link_rename_move_ctime_only", chmod_link_rename_move_ctime_only },
	{ "times.directory_changes_with_its_names", directory_changes_with_its_names },
	{ "times.statx_reports_the_same_times", statx_reports_the_same_times },
	{ "times.utimensat_sets_given_times_and_ctime_to_now",
	  utimensat_sets_given_times_and_ctime_to_now },
	{ "times.utime_now_and_omit", utime_now_and_omit },
	{ "times.shared_mapping_write_moves_mtime", shared_mapping_write_moves_mtime },
	{ "times.futimens_utimes_utime_and_symlinks", futimens_utimes_utime_and_symlinks },
	{ "times.utimensat_errors", utimensat_errors },
};

int main(void)
{
	return scratch_run("ftimes", cases, KTAP_COUNT(cases));
}
