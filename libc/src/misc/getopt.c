/* libc/src/misc/getopt.c: POSIX getopt: short options, "-abc" bundles,
 * "-ofile" and "-o file" arguments, "--" ends the options, and the first
 * operand ends them too (no GNU reordering). Messages as glibc's. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static int pos;  /* the next letter in argv[optind]; 0: start a new word */

int getopt(int argc, char *const argv[], const char *opts)
{
	optarg = NULL;
	if (optind == 0) {  /* glibc's way to start over */
		optind = 1;
		pos = 0;
	}
	if (!pos) {
		if (optind >= argc || !argv[optind] || argv[optind][0] != '-' ||
		    !argv[optind][1])
			return -1;
		if (strcmp(argv[optind], "--") == 0) {
			optind++;
			return -1;
		}
		pos = 1;
	}
	const char *word = argv[optind];
	int c = (unsigned char)word[pos++];
	const char *spec = c == ':' ? NULL : strchr(opts, c);
	bool quiet = opts[0] == ':';
	if (!word[pos]) {
		optind++;
		pos = 0;
	}
	if (!spec) {
		optopt = c;
		if (opterr && !quiet)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (pos) {  /* the rest of this word: -ofile */
		optarg = (char *)word + pos;
		optind++;
		pos = 0;
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		optopt = c;
		if (opterr && !quiet)
			fprintf(stderr, "%s: option requires an argument -- '%c'\n",
				argv[0], c);
		return quiet ? ':' : '?';
	}
	return c;
}
