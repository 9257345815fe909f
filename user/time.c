/* user/time.c: time COMMAND [ARG]...: run COMMAND, wait for it, and
 * print on stderr how long it took and what it cost, in POSIX's `time -p`
 * format plus the minor page faults:
 *     real 0.25
 *     user 0.01
 *     sys 0.02
 *     minflt 31
 * COMMAND without a '/' is looked for in each directory of PATH (/bin if
 * unset). Exit status: COMMAND's; 128+N if signal N killed it (and a line
 * says so); 127 if it was not found, 126 if it could not be run, 125 if
 * time itself failed. The reference solution of labs/forkexec. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* LAB(forkexec.run) begin: fork, exec and wait (labs/forkexec) */
/* execve argv[0], searching PATH; returns only on failure, with the errno
 * that says most (ENOENT only if no directory had it). */
static int exec_path(char **argv)
{
	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, environ);
		return errno;
	}
	const char *path = getenv("PATH");
	int err = ENOENT;
	char file[256];
	for (const char *dir = path ? path : "/bin"; ; dir++) {
		const char *end = strchr(dir, ':');
		size_t dlen = end ? (size_t)(end - dir) : strlen(dir);
		if (dlen + strlen(argv[0]) + 2 <= sizeof file) {
			/* An empty entry is the current directory. */
			snprintf(file, sizeof file, "%.*s%s%s", (int)dlen, dir,
				 dlen ? "/" : "", argv[0]);
			execve(file, argv, environ);
			if (errno != ENOENT)
				err = errno;
		}
		if (!end)
			return err;
		dir = end;
	}
}

/* Run argv as a child and wait for it to end: its wait status and, in
 * *ru, its resource usage. -1 with errno set if it could not be started. */
static int run(char **argv, struct rusage *ru)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int err = exec_path(argv);
		fprintf(stderr, "time: %s: %s\n", argv[0], strerror(err));
		fflush(stderr);
		_exit(err == ENOENT ? 127 : 126);
	}
	int status;
	while (wait4(pid, &status, 0, ru) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
/* LAB(forkexec.run) end */

/* Print "name S.CC" (seconds, to the hundredth, rounded down). */
static void put_time(const char *name, long sec, long usec)
{
	fprintf(stderr, "%s %ld.%02ld\n", name, sec, usec / 10000);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: time COMMAND [ARG]...\n", stderr);
		return 125;
	}
	struct timespec t0, t1;
	struct rusage ru;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* As a shell's time: ^C and ^\ are for the command, not for us. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	int status = run(argv + 1, &ru);
	if (status < 0) {
		fprintf(stderr, "time: cannot run %s: %s\n", argv[1], strerror(errno));
		return 125;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ns = (long)(t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
	if (WIFSIGNALED(status))
		fprintf(stderr, "Command terminated by signal %d\n", WTERMSIG(status));
	put_time("real", ns / 1000000000L, ns % 1000000000L / 1000);
	put_time("user", ru.ru_utime.tv_sec, ru.ru_utime.tv_usec);
	put_time("sys", ru.ru_stime.tv_sec, ru.ru_stime.tv_usec);
	fprintf(stderr, "minflt %ld\n", ru.ru_minflt);
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
