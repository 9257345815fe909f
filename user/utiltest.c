/* user/utiltest.c: the file utilities (ls, cat, cp, mv, rm, mkdir, rmdir,
 * ln, touch) run as a user runs them, through fork and execve, on files made in
 * /tmp; their output, error messages and exit statuses compared byte for
 * byte with GNU's (user/runutil.h). KTAP; runs on pagoda and on a Linux
 * host (tools/check-user-on-host). */
#include <time.h>

#include "runutil.h"

static const char *enoent = "No such file or directory";

static bool ls_lists_sorted_without_dot_files(void)
{
	bool ok = put_file("b", "bee\n") && put_file("a", "hello") &&
		  put_file(".hidden", "") && mkdir("d", 0755) == 0 &&
		  put_file("d/x", "") && symlink("a", "l") == 0;
	ok = ok && EXPECT("", "a\nb\nd\nl\n", "", 0, "ls");
	ok = ok && EXPECT("", ".\n..\n.hidden\na\nb\nd\nl\n", "", 0, "ls", "-a");
	return ok && EXPECT("", "x\n", "", 0, "ls", "d");
}

/* ls -l's columns after the link count, for a file this test made (so
 * owned by its uid and gid) whose time long_ago() set: "0 0 SIZE Jan  2
 * 2020" on pagoda, as root. */
static const char *owned(unsigned size)
{
	static char buf[64];
	snprintf(buf, sizeof(buf), "%u %u %u Jan  2  2020", (unsigned)getuid(),
		 (unsigned)getgid(), size);
	return buf;
}

/* 2020-01-02 03:04:05 UTC, more than six months ago: ls shows the year. */
static bool long_ago(const char *path)
{
	struct timespec ts[2] = { { 1577934245, 0 }, { 1577934245, 0 } };
	return utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW) == 0;
}

static bool ls_long_shows_mode_links_owner_size_date_and_target(void)
{
	char want[300];
	bool ok = link("b", "hard") == 0 && chmod("b", 0640) == 0 &&
		  long_ago("a") && long_ago("b") && long_ago("l") &&
		  long_ago("d/x");
	int k = snprintf(want, sizeof(want), "-rw-r--r-- 1 %s a\n", owned(5));
	k += snprintf(want + k, sizeof(want) - k, "-rw-r----- 2 %s b\n", owned(4));
	snprintf(want + k, sizeof(want) - k, "lrwxrwxrwx 1 %s l -> a\n", owned(1));
	ok = ok && EXPECT("", want, "", 0, "ls", "-l", "a", "l", "b");
	ok = ok && EXPECT("", want, "", 0, "ls", "-n", "a", "l", "b");
	/* a directory's listing starts with its size in KiB: 0 for an empty
	 * file, on any file system */
	snprintf(want, sizeof(want), "total 0\n-rw-r--r-- 1 %s x\n", owned(0));
	ok = ok && EXPECT("", want, "", 0, "ls", "-l", "d");
	return unlink("hard") == 0 && ok;
}

/* A time within the last six months shows the hour and minute instead of
 * the year; one in the future shows the year. */
static bool ls_long_shows_recent_times_to_the_minute(void)
{
	time_t now = time(NULL), then = now - 3600, later = now + 86400 * 400;
	struct timespec ts[2] = { { then, 0 }, { then, 0 } };
	struct tm tm;
	char want[200], date[32];
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	bool ok = utimensat(AT_FDCWD, "a", ts, 0) == 0;
	gmtime_r(&then, &tm);
	snprintf(date, sizeof(date), "%.3s %2d %02d:%02d", months + 3 * tm.tm_mon,
		 tm.tm_mday, tm.tm_hour, tm.tm_min);
	snprintf(want, sizeof(want), "-rw-r--r-- 1 %u %u 5 %s a\n",
		 (unsigned)getuid(), (unsigned)getgid(), date);
	ok = ok && EXPECT("", want, "", 0, "ls", "-l", "a");
	ts[0].tv_sec = ts[1].tv_sec = later;
	ok = ok && utimensat(AT_FDCWD, "a", ts, 0) == 0;
	gmtime_r(&later, &tm);
	snprintf(date, sizeof(date), "%.3s %2d  %d", months + 3 * tm.tm_mon,
		 tm.tm_mday, tm.tm_year + 1900);
	snprintf(want, sizeof(want), "-rw-r--r-- 1 %u %u 5 %s a\n",
		 (unsigned)getuid(), (unsigned)getgid(), date);
	ok = ok && EXPECT("", want, "", 0, "ls", "-l", "a");
	return long_ago("a") && ok;
}

static bool ls_takes_several_operands_and_reports_missing_ones(void)
{
	char err[100];
	snprintf(err, sizeof(err), "ls: cannot access 'nosuch': %s\n", enoent);
	bool ok = EXPECT("", "a\nb\n\nd:\nx\n", err, 2, "ls", "d", "nosuch", "b", "a");
	return ok && EXPECT("", "d:\nx\n\nd/:\nx\n", "", 0, "ls", "d", "d/");
}

/* -R lists each directory below under its own heading; a symbolic link
 * to a directory is not followed. */
static bool ls_recursive_lists_every_directory_below(void)
{
	bool ok = mkdir("r", 0755) == 0 && mkdir("r/s", 0755) == 0 &&
		  mkdir("r/s/t", 0755) == 0 && put_file("r/f", "") &&
		  put_file("r/s/g", "") && symlink("s", "r/ls") == 0;
	ok = ok && EXPECT("", "r:\nf\nls\ns\n\nr/s:\ng\nt\n\nr/s/t:\n", "", 0,
			  "ls", "-R", "r");
	ok = ok && EXPECT("", "r/s/:\ng\nt\n\nr/s/t:\n", "", 0, "ls", "-R",
			  "r/s/");
	return ok && EXPECT("", "", "", 0, "rm", "-r", "r");
}

static bool cat_copies_files_and_stdin(void)
{
	char err[100];
	snprintf(err, sizeof(err), "cat: nosuch: %s\n", enoent);
	bool ok = EXPECT("", "hellobee\n", "", 0, "cat", "a", "b");
	ok = ok && EXPECT("in\n", "in\n", "", 0, "cat");
	ok = ok && EXPECT("in\n", "helloin\nbee\n", "", 0, "cat", "a", "-", "b");
	return ok && EXPECT("", "hello", err, 1, "cat", "nosuch", "a");
}

static bool cp_copies_to_a_file_and_into_a_directory(void)
{
	char got[64];
	bool ok = EXPECT("", "", "", 0, "cp", "a", "c") &&
		  get_file("c", got, sizeof(got)) == 5 && strcmp(got, "hello") == 0;
	ok = ok && EXPECT("", "", "", 0, "cp", "a", "b", "d");
	ok = ok && EXPECT("", "a\nb\nx\n", "", 0, "ls", "d");
	char want[100];
	snprintf(want, sizeof(want), "-rw-r----- 1 %s d/b\n", owned(4));
	ok = ok && long_ago("d/b") && EXPECT("", want, "", 0, "ls", "-l", "d/b");
	ok = ok && EXPECT("", "", "", 0, "cp", "b", "c");  /* over a file */
	return ok && EXPECT("", "bee\n", "", 0, "cat", "c");
}

static bool cp_reports_errors_as_gnu(void)
{
	char err[100];
	snprintf(err, sizeof(err), "cp: cannot stat 'nosuch': %s\n", enoent);
	bool ok = EXPECT("", "", err, 1, "cp", "nosuch", "e");
	ok = ok && EXPECT("", "", "cp: target 'c' is not a directory\n", 1,
			  "cp", "a", "b", "c");
	ok = ok && EXPECT("", "", "cp: -r not specified; omitting directory 'd'\n",
			  1, "cp", "d", "e");
	ok = ok && EXPECT("", "", "cp: 'a' and 'a' are the same file\n", 1,
			  "cp", "a", "a");
	ok = ok && EXPECT("", "", "cp: missing file operand\n", 1, "cp");
	return ok && EXPECT("", "", "cp: missing destination file operand after 'a'\n",
			    1, "cp", "a");
}

static bool mv_renames_and_moves_into_a_directory(void)
{
	char err[100];
	snprintf(err, sizeof(err), "mv: cannot stat 'nosuch': %s\n", enoent);
	bool ok = EXPECT("", "", "", 0, "mv", "c", "c2");
	ok = ok && EXPECT("", "a\nb\nc2\nd\nl\n", "", 0, "ls");
	ok = ok && EXPECT("", "", "", 0, "mv", "c2", "d");
	ok = ok && EXPECT("", "a\nb\nc2\nx\n", "", 0, "ls", "d");
	ok = ok && EXPECT("", "", err, 1, "mv", "nosuch", "d");
	return ok && EXPECT("", "", "mv: target 'a' is not a directory\n", 1,
			    "mv", "b", "l", "a");
}

static bool mkdir_makes_parents_with_p(void)
{
	char err[100];
	snprintf(err, sizeof(err), "mkdir: cannot create directory 'p/q': %s\n",
		 enoent);
	bool ok = EXPECT("", "", err, 1, "mkdir", "p/q");
	ok = ok && EXPECT("", "", "mkdir: cannot create directory 'd': File exists\n",
			  1, "mkdir", "d");
	ok = ok && EXPECT("", "", "", 0, "mkdir", "-p", "p/q/r", "d");
	ok = ok && EXPECT("", "q\n", "", 0, "ls", "p");
	struct stat st;
	return ok && stat("p/q/r", &st) == 0 && S_ISDIR(st.st_mode) &&
	       (st.st_mode & 0777) == 0755;
}

static bool rmdir_removes_only_empty_directories(void)
{
	char err[120];
	snprintf(err, sizeof(err), "rmdir: failed to remove 'p': %s\n",
		 strerror(ENOTEMPTY));
	bool ok = EXPECT("", "", err, 1, "rmdir", "p");
	return ok && EXPECT("", "", "", 0, "rmdir", "p/q/r", "p/q", "p");
}

static bool ln_makes_hard_and_symbolic_links(void)
{
	char target[16] = "";
	char want[100];
	snprintf(want, sizeof(want), "-rw-r--r-- 2 %s h\n", owned(5));
	bool ok = EXPECT("", "", "", 0, "ln", "a", "h") &&
		  EXPECT("", want, "", 0, "ls", "-l", "h");
	ok = ok && mkdir("e", 0755) == 0 && EXPECT("", "", "", 0, "ln", "-s", "../a", "e") &&
	     readlink("e/a", target, sizeof(target)) == 4 && !strcmp(target, "../a");
	ok = ok && EXPECT("", "hello", "", 0, "cat", "e/a");
	ok = ok && EXPECT("", "", "ln: failed to create hard link 'h': File exists\n",
			  1, "ln", "b", "h");
	ok = ok && EXPECT("", "", "ln: failed to create symbolic link 'h': File exists\n",
			  1, "ln", "-s", "b", "h");
	char err[100];
	snprintf(err, sizeof(err), "ln: failed to access 'nosuch': %s\n", enoent);
	return ok && EXPECT("", "", err, 1, "ln", "nosuch", "n");
}

/* touch makes a missing file (not under -c) and moves an existing one's
 * times to now. */
static bool touch_makes_files_and_sets_times(void)
{
	struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };
	struct stat st;
	char err[100];
	snprintf(err, sizeof(err), "touch: cannot touch 'nodir/x': %s\n", enoent);
	bool ok = EXPECT("", "", "", 0, "touch", "t1") && access("t1", F_OK) == 0;
	ok = ok && utimensat(AT_FDCWD, "a", old, 0) == 0 &&
	     EXPECT("", "", "", 0, "touch", "a") && stat("a", &st) == 0 &&
	     st.st_mtime > 1000 && st.st_atime > 1000;
	ok = ok && EXPECT("", "", "", 0, "touch", "-c", "t2") && access("t2", F_OK) != 0;
	ok = ok && EXPECT("", "", err, 1, "touch", "nodir/x");
	ok = ok && EXPECT("", "", "touch: missing file operand\n", 1, "touch");
	return unlink("t1") == 0 && ok;
}

static bool rm_removes_files_and_trees(void)
{
	char err[100];
	snprintf(err, sizeof(err), "rm: cannot remove 'nosuch': %s\n", enoent);
	bool ok = EXPECT("", "", "rm: cannot remove 'd': Is a directory\n", 1, "rm", "d");
	ok = ok && EXPECT("", "", err, 1, "rm", "nosuch");
	ok = ok && EXPECT("", "", "", 0, "rm", "-f", "nosuch");
	ok = ok && EXPECT("", "", "rm: missing operand\n", 1, "rm");
	ok = ok && EXPECT("", "", "rm: refusing to remove '.' or '..' directory: "
			  "skipping '.'\n", 1, "rm", "-r", ".");
	ok = ok && EXPECT("", "", "", 0, "rm", "h", "l");
	ok = ok && EXPECT("", "", "", 0, "rm", "-r", "d", "e");
	return ok && EXPECT("", "a\nb\n", "", 0, "ls");
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "ls.sorted_without_dot_files", ls_lists_sorted_without_dot_files },
		{ "ls.long_mode_links_owner_size_date_target",
		  ls_long_shows_mode_links_owner_size_date_and_target },
		{ "ls.long_recent_times_to_the_minute",
		  ls_long_shows_recent_times_to_the_minute },
		{ "ls.several_operands_missing_one", ls_takes_several_operands_and_reports_missing_ones },
		{ "ls.recursive", ls_recursive_lists_every_directory_below },
		{ "cat.files_and_stdin", cat_copies_files_and_stdin },
		{ "cp.to_file_and_into_directory", cp_copies_to_a_file_and_into_a_directory },
		{ "cp.errors", cp_reports_errors_as_gnu },
		{ "mv.rename_and_into_directory", mv_renames_and_moves_into_a_directory },
		{ "mkdir.parents", mkdir_makes_parents_with_p },
		{ "rmdir.only_empty", rmdir_removes_only_empty_directories },
		{ "ln.hard_and_symbolic", ln_makes_hard_and_symbolic_links },
		{ "touch.makes_files_and_sets_times", touch_makes_files_and_sets_times },
		{ "rm.files_and_trees", rm_removes_files_and_trees },
		{ "rm.cleanup_with_rm_r", ut_cleanup },
	};
	if (!ut_setup("utiltest"))
		return 1;
	return ktap_run(cases, KTAP_COUNT(cases));
}
