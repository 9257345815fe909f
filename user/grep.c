/* user/grep.c: grep [-Fvcni] PATTERN [FILE...]: print the lines that
 * match PATTERN, of each file or of standard input for none or "-".
 * PATTERN is a basic regular expression as POSIX has them, this much of
 * it: a character matches itself, '.' any character, [abc], [a-z] and
 * [^...] a character of (or not of) the set, '*' any number of the atom
 * before it, '^' at the start and '$' at the end anchor the match, and
 * '\' makes the next character plain. -F takes PATTERN as a fixed
 * string. -i ignores case, -v selects the lines that do not match, -n
 * puts the line number before each, -c prints only how many lines were
 * selected. With several files each line starts with its file's name.
 * Exit status 0 if a line was selected, 1 if none, 2 on an error. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_ATOMS = 256 };

/* One piece of the pattern: a set of bytes it matches, repeated or not. */
struct atom {
	unsigned char set[32];  /* bit c: byte c matches */
	bool star;              /* any number of times, none included */
};

static struct atom atoms[MAX_ATOMS];
static int natoms;
static bool anchor_start, anchor_end;
static bool opt_fixed, opt_invert, opt_count, opt_number, opt_icase;

static void set_add(struct atom *a, int c)
{
	a->set[c >> 3] |= 1 << (c & 7);
	if (opt_icase && isalpha(c)) {
		int o = islower(c) ? toupper(c) : tolower(c);
		a->set[o >> 3] |= 1 << (o & 7);
	}
}

static bool set_has(const struct atom *a, unsigned char c)
{
	return a->set[c >> 3] & (1 << (c & 7));
}

/* Parse the bracket expression after '[' at p into a; the byte after ']',
 * or NULL if there is no closing ']'. */
static const char *parse_set(const char *p, struct atom *a)
{
	bool negate = *p == '^';
	p += negate;
	const char *first = p;
	for (; *p && (*p != ']' || p == first); p++) {
		int lo = (unsigned char)*p, hi = lo;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hi = (unsigned char)p[2];
			p += 2;
		}
		for (int c = lo; c <= hi; c++)
			set_add(a, c);
	}
	if (*p != ']')
		return NULL;
	if (negate) {
		for (int i = 0; i < 32; i++)
			a->set[i] = ~a->set[i];
		a->set['\n' >> 3] &= ~(1 << ('\n' & 7));
	}
	return p + 1;
}

/* Turn the pattern into atoms; false (after a message) if it is bad. */
static bool compile(const char *p)
{
	if (!opt_fixed && *p == '^') {
		anchor_start = true;
		p++;
	}
	while (*p) {
		if (!opt_fixed && p[0] == '$' && !p[1]) {
			anchor_end = true;
			break;
		}
		if (natoms == MAX_ATOMS) {
			fprintf(stderr, "grep: pattern too long\n");
			return false;
		}
		struct atom *a = &atoms[natoms];
		memset(a, 0, sizeof(*a));
		if (opt_fixed) {
			set_add(a, (unsigned char)*p++);
		} else if (*p == '.') {
			memset(a->set, 0xff, sizeof(a->set));
			p++;
		} else if (*p == '[') {
			if (!(p = parse_set(p + 1, a))) {
				fprintf(stderr, "grep: Unmatched [, [^, [:, [., or [=\n");
				return false;
			}
		} else if (*p == '*' && natoms > 0 && !atoms[natoms - 1].star) {
			atoms[natoms - 1].star = true;
			p++;
			continue;
		} else {
			if (*p == '\\' && p[1])
				p++;
			set_add(a, (unsigned char)*p++);
		}
		natoms++;
	}
	return true;
}

/* Does atoms[i..] match at the start of s (and reach its end if $)? */
static bool match_here(int i, const char *s)
{
	for (; i < natoms; i++) {
		const struct atom *a = &atoms[i];
		if (a->star) {
			const char *t = s;
			while (*t && set_has(a, *t))
				t++;
			for (; t >= s; t--)  /* longest first, then back off */
				if (match_here(i + 1, t))
					return true;
			return false;
		}
		if (!*s || !set_has(a, *s))
			return false;
		s++;
	}
	return !anchor_end || !*s;
}

static bool matches(const char *line)
{
	if (anchor_start)
		return match_here(0, line);
	do {
		if (match_here(0, line))
			return true;
	} while (*line++);
	return false;
}

/* grep one input; the number of lines selected, or -1 on a read error. */
static long grep(FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long selected = 0, number = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		number++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = 0;
		if (matches(line) == opt_invert)
			continue;
		selected++;
		if (opt_count)
			continue;
		if (name)
			printf("%s:", name);
		if (opt_number)
			printf("%ld:", number);
		puts(line);
	}
	free(line);
	if (opt_count) {
		if (name)
			printf("%s:", name);
		printf("%ld\n", selected);
	}
	return ferror(f) ? -1 : selected;
}

static bool parse_options(int argc, char **argv)
{
	int c;
	opterr = 0;
	while ((c = getopt(argc, argv, "Fvcni")) != -1) {
		switch (c) {
		case 'F': opt_fixed = true; break;
		case 'v': opt_invert = true; break;
		case 'c': opt_count = true; break;
		case 'n': opt_number = true; break;
		case 'i': opt_icase = true; break;
		default:
			fprintf(stderr, "grep: invalid option -- '%c'\n", optopt);
			return false;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "Usage: grep [-Fvcni] PATTERN [FILE]...\n");
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	if (!parse_options(argc, argv) || !compile(argv[optind]))
		return 2;
	char *dash[] = { "-", NULL };
	char **files = optind + 1 < argc ? argv + optind + 1 : dash;
	bool names = optind + 2 < argc, error = false;
	long total = 0;
	for (int i = 0; files[i]; i++) {
		bool is_stdin = strcmp(files[i], "-") == 0;
		const char *shown = is_stdin ? "(standard input)" : files[i];
		FILE *f = is_stdin ? stdin : fopen(files[i], "r");
		if (!f) {
			fprintf(stderr, "grep: %s: %s\n", files[i], strerror(errno));
			error = true;
			continue;
		}
		long n = grep(f, names ? shown : NULL);
		if (n < 0) {
			fprintf(stderr, "grep: %s: read error\n", shown);
			error = true;
		} else {
			total += n;
		}
		if (!is_stdin)
			fclose(f);
	}
	return error ? 2 : total ? 0 : 1;
}
