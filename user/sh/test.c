/* user/sh/test.c: the test builtin, also spelled [ ... ] (POSIX's test,
 * without -a, -o and parentheses): string tests (-n -z = !=), integer
 * comparisons (-eq -ne -lt -le -gt -ge), file tests (-e -f -d -r -w -x
 * -s -L), ! in front. Status 0 (true), 1 (false), 2 (a usage error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

static int usage(const char *what)
{
	fprintf(stderr, "sh: test: %s\n", what);
	return 2;
}

static bool file_test(char op, const char *path)
{
	struct stat st;
	int r = op == 'L' ? lstat(path, &st) : stat(path, &st);
	switch (op) {
	case 'e': return r == 0;
	case 'f': return r == 0 && S_ISREG(st.st_mode);
	case 'd': return r == 0 && S_ISDIR(st.st_mode);
	case 's': return r == 0 && st.st_size > 0;
	case 'L': return r == 0 && S_ISLNK(st.st_mode);
	case 'r': return access(path, R_OK) == 0;
	case 'w': return access(path, W_OK) == 0;
	case 'x': return access(path, X_OK) == 0;
	}
	return false;
}

/* An integer operand, or false after a message. */
static bool integer(const char *s, long *v)
{
	char *end;
	*v = strtol(s, &end, 10);
	if (!*s || *end) {
		fprintf(stderr, "sh: test: %s: integer expression expected\n", s);
		return false;
	}
	return true;
}

/* argv[0..argc) without the name: 0 true, 1 false, 2 error. */
static int evaluate(int argc, char **argv)
{
	static const char *const cmp[] = { "-eq", "-ne", "-lt", "-le", "-gt", "-ge" };
	if (argc > 0 && strcmp(argv[0], "!") == 0 && argc != 3) {
		int r = evaluate(argc - 1, argv + 1);
		return r == 2 ? 2 : !r;
	}
	if (argc == 0)
		return 1;
	if (argc == 1)
		return argv[0][0] ? 0 : 1;
	if (argc == 2) {
		const char *op = argv[0];
		if (strcmp(op, "-n") == 0)
			return argv[1][0] ? 0 : 1;
		if (strcmp(op, "-z") == 0)
			return argv[1][0] ? 1 : 0;
		if (op[0] == '-' && op[1] && !op[2] && strchr("efdsLrwx", op[1]))
			return file_test(op[1], argv[1]) ? 0 : 1;
		return usage("unary operator expected");
	}
	if (argc == 3) {
		const char *op = argv[1];
		if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
			return strcmp(argv[0], argv[2]) ? 1 : 0;
		if (strcmp(op, "!=") == 0)
			return strcmp(argv[0], argv[2]) ? 0 : 1;
		for (int i = 0; i < 6; i++) {
			long a, b;
			if (strcmp(op, cmp[i]) != 0)
				continue;
			if (!integer(argv[0], &a) || !integer(argv[2], &b))
				return 2;
			bool r[] = { a == b, a != b, a < b, a <= b, a > b, a >= b };
			return r[i] ? 0 : 1;
		}
		if (strcmp(argv[0], "!") == 0)
			return evaluate(2, argv + 1) == 0 ? 1 : 0;
		return usage("binary operator expected");
	}
	return usage("too many arguments");
}

int b_test(int argc, char **argv)
{
	if (strcmp(argv[0], "[") == 0) {
		if (strcmp(argv[argc - 1], "]") != 0) {
			fprintf(stderr, "sh: [: missing `]'\n");
			return 2;
		}
		argc--;
	}
	return evaluate(argc - 1, argv + 1);
}
