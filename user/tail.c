/* user/tail.c: tail [-n N | -N] [FILE...]: the last N lines (10 by default)
 * of each file, or of standard input for none or "-"; with several files
 * each comes under a "==> NAME <==" heading. The input is read to its
 * end keeping the last N lines in a ring. Exit status 1 if a file could
 * not be read. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linecount.h"

#define TAIL_MAX 1000000  /* lines kept in the ring */

/* Print the last n lines of f; 0, or ENOMEM. */
static int tail(FILE *f, long n)
{
	if (n == 0)
		return 0;
	char **ring = calloc(n, sizeof(*ring));
	size_t *caps = calloc(n, sizeof(*caps));
	if (!ring || !caps) {
		free(ring);
		free(caps);
		return ENOMEM;
	}
	long next = 0, seen = 0;  /* ring[next] is the oldest once full */
	while (getline(&ring[next], &caps[next], f) >= 0) {
		next = (next + 1) % n;
		seen++;
	}
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	long have = seen < n ? seen : n;
	for (long i = 0; i < have; i++)
		fputs(ring[(next - have + i + n) % n], stdout);
	for (long i = 0; i < n; i++)
		free(ring[i]);
	free(ring);
	free(caps);
	return err;
}

int main(int argc, char **argv)
{
	long n = 10;
	int c, status = 0;
	if (old_count_form("tail", &argc, &argv, &n, TAIL_MAX) < 0)
		return 1;
	opterr = 0;
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n') {
			fprintf(stderr, "tail: invalid option -- '%c'\n", optopt);
			return 1;
		}
		if ((n = line_count("tail", optarg, TAIL_MAX)) < 0)
			return 1;
	}
	int nfiles = argc - optind;
	if (nfiles == 0) {
		int err = tail(stdin, n);
		if (err)
			fprintf(stderr, "tail: standard input: %s\n", strerror(err));
		return err ? 1 : 0;
	}
	for (int i = optind; i < argc; i++) {
		bool is_stdin = strcmp(argv[i], "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(argv[i], "r");
		if (!f) {
			fprintf(stderr, "tail: cannot open '%s' for reading: %s\n",
				argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (nfiles > 1)
			printf("%s==> %s <==\n", i > optind ? "\n" : "",
			       is_stdin ? "standard input" : argv[i]);
		int err = tail(f, n);
		if (err) {
			fprintf(stderr, "tail: error reading '%s': %s\n", argv[i],
				strerror(err));
			status = 1;
		}
		if (!is_stdin)
			fclose(f);
	}
	return status;
}
