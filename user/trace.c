/* user/trace.c: `trace LIST PROGRAM [ARG...]` runs PROGRAM with the
 * kernel's trace= events of LIST (exec, fault, syscall, sched, signal,
 * all: a comma list) on for it and the children it creates; the lines go
 * to COM1 (docs/trace.md). pagoda only: it asks with a pagoda prctl,
 * which Linux refuses with EINVAL. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

extern char **environ;

static const struct {
	const char *name;
	unsigned mask;
} words[] = {
	{ "exec", TRACE_EXEC }, { "fault", TRACE_FAULT },
	{ "syscall", TRACE_SYSCALL }, { "sched", TRACE_SCHED },
	{ "signal", TRACE_SIGNAL }, { "all", TRACE_ALL }, { "none", 0 },
};

/* The mask LIST names, or -1 (and a message) at an unknown word. */
static long parse(char *list)
{
	unsigned mask = 0;
	for (char *w = list, *next; w; w = next) {
		next = strchr(w, ',');
		if (next)
			*next++ = '\0';
		if (!*w)
			continue;
		size_t i = 0;
		while (i < sizeof(words) / sizeof(words[0]) &&
		       strcmp(words[i].name, w) != 0)
			i++;
		if (i == sizeof(words) / sizeof(words[0])) {
			fprintf(stderr, "trace: unknown event '%s' (known: exec, "
				"fault, syscall, sched, signal, all)\n", w);
			return -1;
		}
		mask |= words[i].mask;
	}
	return mask;
}

/* execve name, looked up in PATH (default /bin) when it has no slash. */
static void run(char **argv)
{
	const char *name = argv[0];
	if (strchr(name, '/')) {
		execve(name, argv, environ);
		return;
	}
	const char *path = getenv("PATH");
	char buf[256];
	int err = ENOENT;
	for (const char *p = path && *path ? path : "/bin"; ; ) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n + strlen(name) + 2 <= sizeof(buf)) {
			memcpy(buf, p, n);
			snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "/" : "", name);
			execve(buf, argv, environ);
			if (errno != ENOENT)
				err = errno;
		}
		if (!end)
			break;
		p = end + 1;
	}
	errno = err;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: trace exec,fault,syscall,sched,signal|all "
			"PROGRAM [ARG...]\n");
		return 2;
	}
	long mask = parse(argv[1]);
	if (mask < 0)
		return 2;
	if (prctl(PR_PAGODA_SET_TRACE, mask, 0, 0, 0) < 0) {
		perror("trace: prctl(PR_PAGODA_SET_TRACE) (pagoda only)");
		return 1;
	}
	run(argv + 2);
	fprintf(stderr, "trace: %s: %s\n", argv[2], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
