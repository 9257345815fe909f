/* labs/forkexec/grade.c: the grader of the fork/exec/wait lab (README.md):
 * runs /bin/time on commands, as a shell would, and checks what it prints
 * and the status it exits with. Runs as init. */
#include <errno.h>
#include <sys/wait.h>
#include <time.h>

#include "labs/lib/grader.h"

static char out[1024], err[1024];  /* the last run's stdout and stderr */
static char *const env[] = { "PATH=/bin", NULL };

static void read_all(int fd, char *buf, int size)
{
	int n = 0, r;
	while (n < size - 1 && (r = (int)read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fd);
}

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Run /bin/time with args (NULL-terminated); its exit status (-1 if it
 * did not exit), stdout in out, stderr in err, how long it took in *ms. */
static int run_time(const char *const *args, long *ms)
{
	char *argv[8] = { "time" };
	for (int i = 0; args[i] && i < 6; i++)
		argv[i + 1] = (char *)args[i];
	int o[2], e[2];
	REQUIRE(pipe(o) == 0 && pipe(e) == 0);
	long t0 = now_ms();
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		dup2(o[1], 1);
		dup2(e[1], 2);
		close(o[0]), close(o[1]), close(e[0]), close(e[1]);
		execve("/bin/time", argv, env);
		_exit(99);
	}
	close(o[1]);
	close(e[1]);
	read_all(o[0], out, sizeof out);
	read_all(e[0], err, sizeof err);
	int status;
	REQUIRE(waitpid(pid, &status, 0) == pid);
	if (ms)
		*ms = now_ms() - t0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define RUN(...) run_time((const char *const[]){ __VA_ARGS__, NULL }, NULL)

/* The value on the line "name V" of err, in hundredths (-1 if absent). */
static long field(const char *name)
{
	size_t k = strlen(name);
	for (char *l = err; l; l = strchr(l, '\n')) {
		if (*l == '\n')
			l++;
		if (strncmp(l, name, k) == 0 && l[k] == ' ') {
			char *end;
			long whole = strtol(l + k + 1, &end, 10);
			if (*end != '.')
				return whole;  /* a count */
			return whole * 100 + strtol(end + 1, NULL, 10);
		}
	}
	return -1;
}

static bool expect_status(int got, int want)
{
	if (got != want)
		note("time exited with %d, want %d; it said: %s", got, want, err);
	return got == want;
}

static bool runs_the_command(void)
{
	int st = RUN("/bin/echo", "hello", "world");
	bool ok = strcmp(out, "hello world\n") == 0;
	if (!ok)
		note("stdout was \"%s\", want \"hello world\\n\"", out);
	return expect_status(st, 0) && ok;
}

static bool searches_path(void)
{
	int st = RUN("echo", "found");
	bool ok = strcmp(out, "found\n") == 0;
	if (!ok)
		note("`time echo found` with PATH=/bin printed \"%s\"", out);
	return expect_status(st, 0) && ok;
}

static bool passes_the_exit_status(void)
{
	return expect_status(RUN("/bin/exit42"), 42) &&
	       expect_status(RUN("false"), 1) && expect_status(RUN("true"), 0);
}

static bool waits_for_the_command(void)
{
	long ms;
	int st = run_time((const char *const[]){ "sleep", "0.3", NULL }, &ms);
	long real = field("real");
	note("time sleep 0.3 took %ld ms and said real %ld.%02ld", ms,
	     real / 100, real % 100);
	return expect_status(st, 0) && ms >= 300 && real >= 30 && real < 300;
}

static bool reports_times_and_faults(void)
{
	int st = RUN("/bin/hello");
	long user = field("user"), sys = field("sys"), minflt = field("minflt");
	bool ok = field("real") >= 0 && user >= 0 && sys >= 0 && minflt > 0;
	if (!ok)
		note("want lines real, user, sys and minflt (> 0); got: %s", err);
	return expect_status(st, 0) && ok;
}

static bool not_found_is_127(void)
{
	int st = RUN("/bin/no-such-program");
	bool said = strstr(err, "no-such-program") != NULL;
	if (!said)
		note("no message naming the program");
	return expect_status(st, 127) && said &&
	       expect_status(RUN("no-such-program"), 127);
}

static bool killed_is_128_plus_signal(void)
{
	int st = RUN("/bin/nullread");
	return expect_status(st, 128 + 11) && field("real") >= 0;
}

/* time reaps its child itself: none is left for init to adopt. */
static bool leaves_no_zombie(void)
{
	RUN("/bin/true");
	errno = 0;
	pid_t left = waitpid(-1, NULL, WNOHANG);
	if (left != -1 || errno != ECHILD)
		note("init found a child of time's to reap (waitpid gave %d)", left);
	while (waitpid(-1, NULL, 0) > 0)
		;
	return left == -1 && errno == ECHILD;
}

static const struct ktap_case cases[] = {
	{ "forkexec.runs_the_command", runs_the_command },
	{ "forkexec.searches_path", searches_path },
	{ "forkexec.passes_the_exit_status", passes_the_exit_status },
	{ "forkexec.waits_for_the_command", waits_for_the_command },
	{ "forkexec.reports_times_and_faults", reports_times_and_faults },
	{ "forkexec.not_found_is_127", not_found_is_127 },
	{ "forkexec.killed_is_128_plus_signal", killed_is_128_plus_signal },
	{ "forkexec.leaves_no_zombie", leaves_no_zombie },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
