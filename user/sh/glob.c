/* user/sh/glob.c: pathname expansion (XCU 2.13): a field with an
 * unquoted *, ? or [...] becomes the sorted names of the files it
 * matches, one field each, or stays as it is if none does. `*` and `?`
 * never match a leading '.' nor a '/'. In the pattern, a backslash makes
 * the next character plain: expand.c writes quoted characters so. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* Does the class at p ("[...]") take c? Sets *len to the class's length;
 * *len = 0 if p is no class (no closing ']'): then '[' is plain. */
static bool class_match(const char *p, char c, int *len)
{
	const char *q = p + 1;
	bool negate = *q == '!' || *q == '^', found = false;
	if (negate)
		q++;
	for (const char *first = q; *q && (*q != ']' || q == first); q++) {
		char lo = *q == '\\' && q[1] ? *++q : *q, hi = lo;
		if (q[1] == '-' && q[2] && q[2] != ']') {
			hi = q[2] == '\\' && q[3] ? q[3] : q[2];
			q += hi == q[2] ? 2 : 3;
		}
		found |= c >= lo && c <= hi;
	}
	*len = *q == ']' ? q - p + 1 : 0;
	return found != negate;
}

static bool match(const char *p, const char *s)
{
	int len;
	for (;;) {
		switch (*p) {
		case '\0':
			return !*s;
		case '*':
			for (const char *t = s;; t++) {
				if (match(p + 1, t))
					return true;
				if (!*t)
					return false;
			}
		case '?':
			if (!*s)
				return false;
			p++, s++;
			continue;
		case '[': {
			if (!*s)
				return false;
			bool in = class_match(p, *s, &len);
			if (len && !in)
				return false;
			if (len) {
				p += len, s++;
				continue;
			}
			break;  /* no class: a plain '[' */
		}
		case '\\':
			if (p[1])
				p++;
			break;
		}
		if (*p != *s)
			return false;
		p++, s++;
	}
}

static bool has_magic(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n)
			i++;
		else if (p[i] == '*' || p[i] == '?' || p[i] == '[')
			return true;
	}
	return false;
}

struct matches {
	char **v;
	int n, cap;
};

static void add(struct matches *m, const char *s)
{
	if (m->n == m->cap) {
		int cap = m->cap ? 2 * m->cap : 16;
		char **v = sh_alloc(cap * sizeof(char *));
		if (m->n)
			memcpy(v, m->v, m->n * sizeof(char *));
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = sh_strndup(s, strlen(s));
}

/* Match pattern (the part after the directory dir, which ends with '/'
 * or is empty) against the tree, adding what matches to m. */
static void walk(const char *dir, const char *pattern, struct matches *m)
{
	size_t n = strcspn(pattern, "/");
	const char *rest = pattern[n] ? pattern + n + 1 : NULL;
	char path[1024], name[256];
	if (!has_magic(pattern, n)) {  /* a plain name: no need to read dir */
		size_t k = 0;
		for (size_t i = 0; i < n && k < sizeof(name) - 1; i++)
			name[k++] = pattern[i] == '\\' && i + 1 < n ? pattern[++i] :
								     pattern[i];
		name[k] = '\0';
		snprintf(path, sizeof(path), "%s%s%s", dir, name, rest ? "/" : "");
		if (rest)
			walk(path, rest, m);
		else if (access(path, F_OK) == 0)
			add(m, path);
		return;
	}
	if (n >= sizeof(name))
		return;
	memcpy(name, pattern, n);
	name[n] = '\0';
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.' && name[0] != '.')
			continue;
		if (!match(name, e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s%s%s", dir, e->d_name,
			 rest ? "/" : "");
		if (rest)
			walk(path, rest, m);
		else
			add(m, path);
	}
	if (d)
		closedir(d);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob_expand(const char *pattern, char ***out)
{
	struct matches m = { 0 };
	if (!has_magic(pattern, strlen(pattern)))
		return 0;
	walk(*pattern == '/' ? "/" : "", pattern + (*pattern == '/'), &m);
	qsort(m.v, m.n, sizeof(char *), by_name);
	*out = m.v;
	return m.n;
}

bool pattern_match(const char *pattern, const char *s)
{
	return match(pattern, s);
}
