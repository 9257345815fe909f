/* user/nice.c: nice [-n N] [COMMAND [ARG]...]: run COMMAND with its nice
 * value raised by N (10 if not given; a negative N, root only, lowers
 * it), so that it gets a shorter time slice (docs/processes.md). With
 * no COMMAND, print the current nice value. -nN and the old -N work too.
 * COMMAND without a '/' is looked for in PATH. As GNU nice: a change the
 * caller may not make is reported and COMMAND runs anyway; messages are
 * GNU's. Exit status: COMMAND's; 125 if nice itself failed, 126 if
 * COMMAND could not be run, 127 if it was not found. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int bad_adjustment(const char *arg)
{
	fprintf(stderr, "nice: invalid adjustment '%s'\n", arg);
	return 125;
}

/* N of -n N, or of the old -N; false if it is not a number. */
static bool adjustment(const char *s, int *inc)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end)
		return false;
	*inc = v < -40 ? -40 : v > 40 ? 40 : (int)v;
	return true;
}

int main(int argc, char **argv)
{
	int i = 1, inc = 10;
	if (i < argc && strncmp(argv[i], "-n", 2) == 0) {
		const char *n = argv[i][2] ? argv[i] + 2 : argv[++i];
		if (!n) {
			fprintf(stderr, "nice: option requires an argument -- 'n'\n"
				"Try 'nice --help' for more information.\n");
			return 125;
		}
		if (!adjustment(n, &inc))
			return bad_adjustment(n);
		i++;
	} else if (i < argc && argv[i][0] == '-' &&
		   (isdigit((unsigned char)argv[i][1]) ||
		    (argv[i][1] == '-' && isdigit((unsigned char)argv[i][2])))) {
		if (!adjustment(argv[i] + 1, &inc))
			return bad_adjustment(argv[i] + 1);
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0) {
		i++;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		fprintf(stderr, "nice: invalid option -- '%c'\n"
			"Try 'nice --help' for more information.\n", argv[i][1]);
		return 125;
	}
	errno = 0;
	int now = getpriority(PRIO_PROCESS, 0);
	if (now == -1 && errno) {
		perror("nice: cannot get niceness");
		return 125;
	}
	if (i == argc) {
		printf("%d\n", now);
		return 0;
	}
	if (setpriority(PRIO_PROCESS, 0, now + inc))
		perror("nice: cannot set niceness");  /* and run it anyway */
	execvp(argv[i], argv + i);
	int err = errno;
	fprintf(stderr, "nice: '%s': %s\n", argv[i], strerror(err));
	return err == ENOENT ? 127 : 126;
}
