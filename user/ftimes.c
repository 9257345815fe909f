/* user/ftimes.c: file times as Linux keeps them: a new file has the time
 * it was made in all three; write and truncate move mtime and ctime;
 * chmod, link and rename move ctime only; a read moves atime (relatime:
 * only while atime is not newer than mtime or ctime); a directory's mtime
 * and ctime move when a name in it is added or removed; statx reports
 * the same. Runs in a scratch directory under /tmp, on pagoda and on the
 * host; KTAP output, exit 0 if every case passed. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
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

static const struct ktap_case cases[] = {
	{ "times.new_file_has_the_time_it_was_made", new_file_has_the_time_it_was_made },
	{ "times.write_and_truncate_move_mtime_and_ctime", write_and_truncate_move_mtime_and_ctime },
	{ "times.read_moves_atime_as_relatime_does", read_moves_atime_as_relatime_does },
	{ "times.chmod_link_rename_move_ctime_only", chmod_link_rename_move_ctime_only },
	{ "times.directory_changes_with_its_names", directory_changes_with_its_names },
	{ "times.statx_reports_the_same_times", statx_reports_the_same_times },
};

int main(void)
{
	return scratch_run("ftimes", cases, KTAP_COUNT(cases));
}
