/* user/sort.c: sort [-rnu] [FILE...]: the lines of all the files (or of
 * standard input for none or "-") in byte order, as GNU sort with
 * LC_ALL=C. -n compares the leading numbers (blanks skipped; a line with
 * none counts as 0), lines with equal numbers by their bytes; -r reverses;
 * -u keeps the first of each run of equal lines (equal numbers with -n).
 * A last line without a newline gets one. Exit status 2 on an error. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool opt_r, opt_n, opt_u;

struct line {
	char *s;
	size_t order;  /* its place in the input: -u keeps the first */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* The leading number of s as GNU sort -n reads it: [blanks][-]digits. */
static long long number(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	bool neg = *s == '-';
	s += neg;
	long long v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

/* The key comparison: what -u calls equal. */
static int compare_keys(const char *a, const char *b)
{
	if (!opt_n)
		return strcmp(a, b);
	long long x = number(a), y = number(b);
	return x < y ? -1 : x > y;
}

static int compare(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;
	int r = compare_keys(a->s, b->s);
	if (r == 0 && !opt_u)
		r = strcmp(a->s, b->s);  /* GNU's last-resort comparison */
	if (opt_r)
		r = -r;
	if (r == 0)  /* a stable sort, whatever qsort does */
		r = a->order < b->order ? -1 : a->order > b->order;
	return r;
}

/* Add each line of f (its '\n' removed) to l; 0 or an errno. */
static int read_lines(FILE *f, struct lines *l)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = 0;
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 256;
			struct line *v = realloc(l->v, l->cap * sizeof(*v));
			if (!v)
				return ENOMEM;
			l->v = v;
		}
		l->v[l->n].order = l->n;
		if (!(l->v[l->n++].s = strdup(line)))
			return ENOMEM;
	}
	free(line);
	return ferror(f) ? EIO : 0;
}

int main(int argc, char **argv)
{
	struct lines l = { 0 };
	int c;
	opterr = 0;
	while ((c = getopt(argc, argv, "rnu")) != -1) {
		if (c == 'r')
			opt_r = true;
		else if (c == 'n')
			opt_n = true;
		else if (c == 'u')
			opt_u = true;
		else {
			fprintf(stderr, "sort: invalid option -- '%c'\n", optopt);
			return 2;
		}
	}
	char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	for (int i = 0; files[i]; i++) {
		bool is_stdin = strcmp(files[i], "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(files[i], "r");
		int err = f ? read_lines(f, &l) : errno;
		if (f && !is_stdin)
			fclose(f);
		if (err) {
			fprintf(stderr, "sort: cannot read: %s: %s\n", files[i],
				strerror(err));
			return 2;
		}
	}
	qsort(l.v, l.n, sizeof(*l.v), compare);
	for (size_t i = 0; i < l.n; i++) {
		if (opt_u && i > 0 && compare_keys(l.v[i - 1].s, l.v[i].s) == 0)
			continue;
		puts(l.v[i].s);
	}
	return 0;
}
