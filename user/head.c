/* user/head.c: head [-n N | -N] [FILE...]: the first N lines (10 by default)
 * of each file, or of standard input for none or "-"; with several files
 * each comes under a "==> NAME <==" heading. Exit status 1 if a file
 * could not be read. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linecount.h"

static void head(FILE *f, long n)
{
	int c;
	while (n > 0 && (c = fgetc(f)) != EOF) {
		putchar(c);
		if (c == '\n')
			n--;
	}
}

int main(int argc, char **argv)
{
	long n = 10;
	int c, status = 0;
	if (old_count_form("head", &argc, &argv, &n, LONG_MAX) < 0)
		return 1;
	opterr = 0;
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n' || (n = line_count("head", optarg, LONG_MAX)) < 0) {
			if (c != 'n')
				fprintf(stderr, "head: invalid option -- '%c'\n", optopt);
			return 1;
		}
	}
	int nfiles = argc - optind;
	if (nfiles == 0) {
		head(stdin, n);
		return 0;
	}
	for (int i = optind; i < argc; i++) {
		bool is_stdin = strcmp(argv[i], "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(argv[i], "r");
		if (!f) {
			fprintf(stderr, "head: cannot open '%s' for reading: %s\n",
				argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (nfiles > 1)
			printf("%s==> %s <==\n", i > optind ? "\n" : "",
			       is_stdin ? "standard input" : argv[i]);
		head(f, n);
		if (ferror(f)) {
			fprintf(stderr, "head: error reading '%s'\n", argv[i]);
			status = 1;
		}
		if (!is_stdin)
			fclose(f);
	}
	return status;
}
