/* user/texttest.c: the text utilities (echo, true, false, wc, grep, head,
 * tail, sort, env, nice, sleep, kill, help) run through fork and execve, output and exit
 * statuses compared byte for byte with GNU's (user/runutil.h); and the
 * test programs that run others (forktest, stackcheck, fstest) started
 * by a bare name from another directory, as the shell starts them. KTAP;
 * runs on pagoda and on a Linux host (tools/check-user-on-host). */
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>

#include "runutil.h"

static const char *text = "one two\nthree\n\nfour five six\n";

static bool echo_true_false(void)
{
	bool ok = EXPECT("", "a b  c\n", "", 0, "echo", "a", "b ", "c");
	ok = ok && EXPECT("", "\n", "", 0, "echo");
	ok = ok && EXPECT("", "x y", "", 0, "echo", "-n", "x", "y");
	ok = ok && EXPECT("", "", "", 0, "true", "ignored");
	return ok && EXPECT("", "", "", 1, "false");
}

static bool wc_counts_lines_words_bytes(void)
{
	bool ok = put_file("t", text) && put_file("u", "a b");
	ok = ok && EXPECT(text, " 4  6 29 -\n", "", 0, "wc", "-");
	ok = ok && EXPECT("", "4 t\n", "", 0, "wc", "-l", "t");
	ok = ok && EXPECT("", " 4  6 29 t\n 0  2  3 u\n 4  8 32 total\n", "", 0,
			  "wc", "t", "u");
	ok = ok && EXPECT("", " 6 t\n 6 t\n12 total\n", "", 0, "wc", "-w", "t", "t");
	ok = ok && EXPECT(text, "29\n", "", 0, "wc", "-c");
	char err[100];
	snprintf(err, sizeof(err), "wc: nosuch: %s\n", strerror(ENOENT));
	return ok && EXPECT("", " 4  6 t\n 4  6 total\n", err, 1, "wc", "-lw", "nosuch", "t");
}

static bool grep_fixed_and_basic_regex(void)
{
	const char *g = "hello world\nHello\nfoo.bar\nfooxbar\nabc\n\naaa$\n*star\n";
	bool ok = put_file("g", g);
	ok = ok && EXPECT("", "foo.bar\n", "", 0, "grep", "-F", "o.b", "g");
	ok = ok && EXPECT("", "foo.bar\nfooxbar\n", "", 0, "grep", "o.b", "g");
	ok = ok && EXPECT("", "Hello\n", "", 0, "grep", "^H", "g");
	ok = ok && EXPECT("", "hello world\nHello\n", "", 0, "grep", "-i", "^hel*o", "g");
	ok = ok && EXPECT("", "\naaa$\n", "", 0, "grep", "^a*\\$*$", "g");
	ok = ok && EXPECT("", "5:abc\n7:aaa$\n", "", 0, "grep", "-n", "^[A-Ca-c]", "g");
	ok = ok && EXPECT("", "hello world\nHello\n*star\n", "", 0, "grep", "[^a-z.$]", "g");
	ok = ok && EXPECT("", "*star\n", "", 0, "grep", "*s", "g");
	ok = ok && EXPECT("", "hello world\nfoo.bar\nfooxbar\n", "", 0, "grep", "o.*r", "g");
	ok = ok && EXPECT("", "4\n", "", 0, "grep", "-vc", "o", "g");
	ok = ok && EXPECT("", "", "", 1, "grep", "nothing", "g");
	ok = ok && EXPECT("two\n", "two\n", "", 0, "grep", "w");
	char err[100];
	snprintf(err, sizeof(err), "grep: nosuch: %s\n", strerror(ENOENT));
	return ok && EXPECT("", "g:Hello\n", err, 2, "grep", "H", "nosuch", "g");
}

static bool head_and_tail_take_n_lines(void)
{
	char nums[128] = "", first10[64] = "", last10[64] = "";
	for (int i = 1; i <= 15; i++) {
		snprintf(nums + strlen(nums), 8, "%d\n", i);
		if (i <= 10)
			snprintf(first10 + strlen(first10), 8, "%d\n", i);
		if (i > 5)
			snprintf(last10 + strlen(last10), 8, "%d\n", i);
	}
	bool ok = put_file("n", nums);
	ok = ok && EXPECT("", first10, "", 0, "head", "n");
	ok = ok && EXPECT(nums, "1\n2\n", "", 0, "head", "-n", "2");
	ok = ok && EXPECT("", "==> n <==\n1\n\n==> t <==\none two\n", "", 0,
			  "head", "-n1", "n", "t");
	ok = ok && EXPECT(nums, last10, "", 0, "tail", "-");
	ok = ok && EXPECT("", "a b", "", 0, "tail", "-n", "1", "u");
	ok = ok && EXPECT("", "14\n15\n", "", 0, "tail", "-n", "2", "n");
	ok = ok && EXPECT("", "", "", 0, "tail", "-n", "0", "n");
	ok = ok && EXPECT(nums, "1\n2\n3\n", "", 0, "head", "-3");  /* the old form */
	ok = ok && EXPECT("", "13\n14\n15\n", "", 0, "tail", "-3", "n");
	return ok && EXPECT("", "", "head: invalid number of lines: 'x'\n", 1,
			    "head", "-n", "x", "n");
}

static bool sort_reverse_numeric_unique(void)
{
	const char *in = "10\nb\n2\n a\n10\n-3\nb";
	bool ok = EXPECT(in, " a\n-3\n10\n10\n2\nb\nb\n", "", 0, "sort");
	ok = ok && EXPECT(in, "b\nb\n2\n10\n10\n-3\n a\n", "", 0, "sort", "-r");
	ok = ok && EXPECT(in, "-3\n a\nb\nb\n2\n10\n10\n", "", 0, "sort", "-n");
	ok = ok && EXPECT(in, " a\n-3\n10\n2\nb\n", "", 0, "sort", "-u");
	ok = ok && EXPECT(in, "10\n2\nb\n-3\n", "", 0, "sort", "-nru");
	return ok && EXPECT("3\n", "\n3\nfour five six\none two\nthree\n", "", 0,
			    "sort", "t", "-");
}

static bool env_prints_sets_and_runs(void)
{
	bool ok = EXPECT("", "A=1\nB=3\nC=4\n", "", 0, "env", "-i", "A=1", "B=2",
			 "C=4", "B=3");
	ok = ok && EXPECT("", "", "env: 'nosuch': No such file or directory\n", 127,
			  "env", "-i", "PATH=/nonexistent:/tmp", "nosuch");
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* env's own execve fails there */
		note("env running a program: skipped, no i386 execve on this host");
		return ok;
	}
	char path[300];
	snprintf(path, sizeof(path), "PATH=/nonexistent:%s", ut_bin);
	ok = ok && EXPECT("", "X=1\n", "", 0, "env", "-i", "X=1", "env");
	ok = ok && EXPECT("", "", "", 1, "env", "-i", path, "false");
	return ok && EXPECT("", "hi there\n", "", 0, "env", path, "echo", "hi", "there");
}

/* nice prints the nice value, or runs a command with it raised. */
static bool nice_prints_and_runs_lower(void)
{
	errno = 0;
	int base = getpriority(PRIO_PROCESS, 0);
	char want[16], prog[300];
	snprintf(want, sizeof(want), "%d\n", base);
	bool ok = EXPECT("", want, "", 0, "nice");
	ok = ok && EXPECT("", "", "nice: invalid adjustment 'x'\n", 125,
			  "nice", "-n", "x", "true");
	ok = ok && EXPECT("", "", "nice: invalid option -- 'x'\nTry 'nice "
			  "--help' for more information.\n", 125, "nice", "-x");
	snprintf(prog, sizeof(prog), "%s/nosuch", ut_bin);
	char err[400];
	snprintf(err, sizeof(err), "nice: '%s': No such file or directory\n", prog);
	ok = ok && EXPECT("", "", err, 127, "nice", prog);
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* nice's own execve fails there */
		note("nice running a program: skipped, no i386 execve on this host");
		return ok;
	}
	snprintf(prog, sizeof(prog), "%s/nice", ut_bin);
	snprintf(want, sizeof(want), "%d\n", base + 3 > 19 ? 19 : base + 3);
	ok = ok && EXPECT("", want, "", 0, "nice", "-n", "3", prog);
	snprintf(want, sizeof(want), "%d\n", base + 10 > 19 ? 19 : base + 10);
	return ok && EXPECT("", want, "", 0, "nice", prog);
}

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* sleep waits at least as long as asked (fractions and suffixes summed). */
static bool sleep_waits_as_asked(void)
{
	long long t0 = now_ns();
	bool ok = EXPECT("", "", "", 0, "sleep", "0.1", "0.05s", "0.0005m");
	long long took = now_ns() - t0;
	if (took < 180000000LL) {
		note("sleep 0.1 0.05s 0.0005m took %lld ns, want at least 0.18 s", took);
		ok = false;
	}
	ok = ok && EXPECT("", "", "sleep: missing operand\n", 1, "sleep");
	return ok && EXPECT("", "", "sleep: invalid time interval 'x'\n", 1, "sleep", "x");
}

/* A child that waits for a signal; its pid as text in buf. */
static pid_t pausing_child(char *buf, size_t size)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	snprintf(buf, size, "%d", pid);
	return pid;
}

static bool killed_by(pid_t pid, int sig)
{
	int s = 0;
	if (waitpid(pid, &s, 0) != pid || !WIFSIGNALED(s) || WTERMSIG(s) != sig) {
		note("child %d: wait status 0x%x, want killed by %d", pid, s, sig);
		return false;
	}
	return true;
}

static bool kill_sends_and_lists(void)
{
	bool ok = EXPECT("", "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV "
			 "USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU "
			 "URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n", "", 0,
			 "kill", "-l");
	ok = ok && EXPECT("", "KILL\n", "", 0, "kill", "-l", "137");
	ok = ok && EXPECT("", "15\n", "", 0, "kill", "-l", "SIGTERM");
	char pid[16], err[64];
	pid_t p = pausing_child(pid, sizeof(pid));
	ok = EXPECT("", "", "", 0, "kill", "-s", "USR1", pid) && ok;
	ok = killed_by(p, SIGUSR1) && ok;
	snprintf(err, sizeof(err), "kill: (%s): %s\n", pid, strerror(ESRCH));
	ok = ok && EXPECT("", "", err, 1, "kill", pid);
	p = pausing_child(pid, sizeof(pid));
	ok = EXPECT("", "", "", 0, "kill", "-9", pid) && ok;
	ok = killed_by(p, SIGKILL) && ok;
	p = pausing_child(pid, sizeof(pid));
	ok = EXPECT("", "", "", 0, "kill", pid) && ok;
	ok = killed_by(p, SIGTERM) && ok;
	return ok && EXPECT("", "", "kill: failed to parse argument: 'x'\n", 1,
			    "kill", "x");
}

/* help reads the directory: the programs are there, as words. */
static bool help_lists_the_bin_directory(void)
{
	static const char *const names[] = { "ls", "cat", "sort", "texttest", "help" };
	int s = run_argv("", (const char *const[]){ "help", NULL });
	bool ok = s == 0 && !ut_err[0];
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char word[20];
		snprintf(word, sizeof(word), " %s ", names[i]);
		char *at = strstr(ut_out, word);
		snprintf(word, sizeof(word), " %s\n", names[i]);
		if (!at && !strstr(ut_out, word)) {
			note("help does not list %s", names[i]);
			ok = false;
		}
	}
	if (s != 0 || ut_err[0])
		note("help: status 0x%x, stderr \"%s\"", s, shown(ut_err));
	return ok;
}

/* Started by a bare name from a directory without the other programs,
 * as the shell starts them: they find what they need in /bin. */
static bool tests_find_programs_whatever_argv0(void)
{
	static const char *const progs[] = { "forktest", "stackcheck" };
	bool ok = true;
	for (unsigned i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		int s = run_argv("", (const char *const[]){ progs[i], NULL });
		if (s != 0 || !strstr(ut_out, " passed, 0 failed\n")) {
			note("%s: status 0x%x, output \"%s\"", progs[i], s, shown(ut_out));
			ok = false;
		}
	}
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "echo.true.false", echo_true_false },
		{ "wc.lines_words_bytes", wc_counts_lines_words_bytes },
		{ "grep.fixed_and_basic_regex", grep_fixed_and_basic_regex },
		{ "head.tail.n_lines", head_and_tail_take_n_lines },
		{ "sort.reverse_numeric_unique", sort_reverse_numeric_unique },
		{ "env.prints_sets_and_runs", env_prints_sets_and_runs },
		{ "nice.prints_and_runs_lower", nice_prints_and_runs_lower },
		{ "sleep.waits_as_asked", sleep_waits_as_asked },
		{ "kill.sends_and_lists", kill_sends_and_lists },
		{ "help.lists_bin", help_lists_the_bin_directory },
		{ "tests.find_programs_whatever_argv0", tests_find_programs_whatever_argv0 },
		{ "cleanup_with_rm_r", ut_cleanup },
	};
	if (!ut_setup("texttest"))
		return 1;
	return ktap_run(cases, KTAP_COUNT(cases));
}
