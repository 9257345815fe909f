/* user/kill.c: kill [-SIG | -s SIG] PID..., kill -l [SIG]: send a signal
 * (SIGTERM unless named, by name with or without "SIG", or by number) to
 * each process, or to a process group for a negative PID after "--"; as
 * procps-ng's kill. -l lists the names; -l SIG converts a number (or an
 * exit status 128 + N) to a name and a name to a number. Exit status 1
 * if a signal could not be sent or an argument is bad. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "signame.h"

static int list(const char *arg)
{
	if (!arg) {
		for (int i = 1; i < SIG_NNAMES; i++)
			printf("%s%s", sig_names[i], i == 16 || i == SIG_NNAMES - 1 ? "\n" : " ");
		return 0;
	}
	if (isdigit((unsigned char)*arg)) {
		char *end;
		long n = strtol(arg, &end, 10);
		if (n > 128)
			n -= 128;  /* an exit status: killed by signal n */
		if (!*end && n > 0 && n < SIG_NNAMES) {
			printf("%s\n", sig_names[n]);
			return 0;
		}
	} else if (sig_parse(arg) > 0) {
		printf("%d\n", sig_parse(arg));
		return 0;
	}
	fprintf(stderr, "kill: unknown signal name or number: '%s'\n", arg);
	return 1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;

	if (i < argc && strcmp(argv[i], "-l") == 0)
		return list(argv[i + 1]);
	if (i + 1 < argc && strcmp(argv[i], "-s") == 0) {
		sig = sig_parse(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && argv[i][1] != '-') {
		sig = sig_parse(argv[i] + 1);
		i++;
	}
	if (sig < 0) {
		fprintf(stderr, "kill: unknown signal name or number: '%s'\n",
			argv[i - 1][0] == '-' ? argv[i - 1] + 1 : argv[i - 1]);
		return 1;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-SIG | -s SIG] PID...\n"
			"       kill -l [SIG]\n");
		return 1;
	}
	int status = 0;
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (!argv[i][0] || *end) {
			fprintf(stderr, "kill: failed to parse argument: '%s'\n", argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
