/* user/linecount.h: what head and tail share: the line count of -n N,
 * and the old form `-N` (head -3) that GNU's still take as the first
 * argument. */
#ifndef USER_LINECOUNT_H
#define USER_LINECOUNT_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* N from the text s, at most max; -1 after prog's message if s is not
 * such a number. */
static inline long line_count(const char *prog, const char *s, long max)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (!*s || *end || n < 0 || errno || n > max) {
		fprintf(stderr, "%s: invalid number of lines: '%s'\n", prog, s);
		return -1;
	}
	return n;
}

/* If argv[1] is `-N`: set *n to N and take it out of the arguments
 * (argv[0] moves up over it). Returns -1 if N is no count (after the
 * message), else 0. */
static inline int old_count_form(const char *prog, int *argc, char ***argv,
				 long *n, long max)
{
	char **v = *argv;
	if (*argc < 2 || v[1][0] != '-' || v[1][1] < '0' || v[1][1] > '9')
		return 0;
	if ((*n = line_count(prog, v[1] + 1, max)) < 0)
		return -1;
	v[1] = v[0];
	(*argv)++;
	(*argc)--;
	return 0;
}

#endif
