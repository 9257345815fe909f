/* user/pipeflow.c: data through pipes between processes, checked
 * against what Linux does (the same binary runs there): 1 MiB from one
 * process to another byte for byte in odd-sized writes and reads, and a
 * pipeline of two programs wired with fork, dup2 and execve. Prints KTAP;
 * exits 0 if every case passed.
 *
 * `pipeflow produce N` writes N pattern bytes to stdout; `pipeflow count`
 * reads stdin to its end and prints "count C sum S": the two halves of
 * the pipeline case. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"
#include "pipeutil.h"

#define MIB (1024 * 1024)

extern char **environ;

static char self_path[300];  /* this program, for execve */

/* The byte at offset i of the test pattern (not periodic in 4 KiB). */
static unsigned char pattern(uint32_t i)
{
	uint32_t x = i * 2654435761u;
	return (unsigned char)(x >> 24 ^ i >> 12);
}

/* Write all n bytes, or return false. */
static bool write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t r = write(fd, p, n);
		if (r <= 0)
			return false;
		p += r;
		n -= (size_t)r;
	}
	return true;
}

static int produce(uint32_t n, int fd)
{
	static unsigned char buf[7000];
	uint32_t done = 0, k = 1;
	while (done < n) {
		k = k * 3 % 6997 + 1;  /* odd sizes, up to 7000 */
		uint32_t m = n - done < k ? n - done : k;
		for (uint32_t i = 0; i < m; i++)
			buf[i] = pattern(done + i);
		if (!write_all(fd, buf, m))
			return 1;
		done += m;
	}
	return 0;
}

static bool one_mib_arrives_exactly(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(produce(MIB, fds[1]));
	}
	close(fds[1]);
	static unsigned char buf[5000];
	uint32_t got = 0, wrong = 0, k = 1;
	ssize_t r;
	while ((r = read(fds[0], buf, (k = k * 7 % 4999 + 1))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			wrong += buf[i] != pattern(got + (uint32_t)i);
		got += (uint32_t)r;
	}
	close(fds[0]);
	int s = wait_child(pid);
	if (got != MIB || wrong || r != 0 || !WIFEXITED(s) || WEXITSTATUS(s))
		note("got %u bytes, %u wrong, last read %d, child %#x", got,
		     wrong, (int)r, s);
	return got == MIB && !wrong && r == 0 && WIFEXITED(s) && !WEXITSTATUS(s);
}

static int count(void)
{
	static unsigned char buf[4096];
	uint32_t n = 0, sum = 0;
	ssize_t r;
	while ((r = read(0, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < r; i++, n++)
			sum = sum * 31 + buf[i];
	printf("count %u sum %u\n", n, sum);
	return r == 0 ? 0 : 1;
}

/* Run `self mode arg` with stdin from in and stdout to out (-1: keep). */
static pid_t spawn(const char *mode, const char *arg, int in, int out,
		   const int close_fds[4])
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid)
		return pid;
	if (in >= 0)
		dup2(in, 0);
	if (out >= 0)
		dup2(out, 1);
	for (int i = 0; i < 4; i++)
		close(close_fds[i]);
	char *argv[] = { self_path, (char *)mode, (char *)arg, NULL };
	execve(self_path, argv, environ);
	_exit(127);
}

static bool a_pipeline_of_two_programs(void)
{
	int a[2], b[2];
	if (pipe(a) || pipe(b))
		return note("pipe: errno %d", errno), false;
	int all[4] = { a[0], a[1], b[0], b[1] };
	pid_t p1 = spawn("produce", "300001", -1, a[1], all);
	pid_t p2 = spawn("count", NULL, a[0], b[1], all);
	close(a[0]);
	close(a[1]);
	close(b[1]);
	char out[100];
	ssize_t n = 0, r;
	while (n < (ssize_t)sizeof(out) - 1 &&
	       (r = read(b[0], out + n, sizeof(out) - 1 - (size_t)n)) > 0)
		n += r;
	out[n] = '\0';
	close(b[0]);
	int s1 = wait_child(p1), s2 = wait_child(p2);
	uint32_t sum = 0;
	for (uint32_t i = 0; i < 300001; i++)
		sum = sum * 31 + pattern(i);
	char want[100];
	snprintf(want, sizeof(want), "count 300001 sum %u\n", sum);
	bool ok = strcmp(out, want) == 0 && s1 == 0 && s2 == 0;
	if (!ok)
		note("the pipeline printed \"%s\" (status %#x %#x), want \"%s\"",
		     out, s1, s2, want);
	return ok;
}

static bool skipped(void)
{
	return true;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "produce") == 0)
		return produce((uint32_t)atoi(argv[2]), 1);
	if (argc == 2 && strcmp(argv[1], "count") == 0)
		return count();
	/* This program, by absolute path whatever argv[0] is: /bin on
	 * pagoda, PAGODA_BIN (the build's user/) on a host. */
	snprintf(self_path, sizeof(self_path), "%s/pipeflow",
		 getenv("PAGODA_BIN") ? getenv("PAGODA_BIN") : "/bin");
	struct ktap_case cases[] = {
		{ "pipe.one_mib_arrives_exactly", one_mib_arrives_exactly },
		{ "pipe.a_pipeline_of_two_programs", a_pipeline_of_two_programs },
	};
	if (getenv("PAGODA_NO_I386_EXECVE")) {
		cases[1].name = "pipe.a_pipeline_of_two_programs # SKIP no i386 execve here";
		cases[1].run = skipped;
	}
	return ktap_run(cases, KTAP_COUNT(cases));
}
