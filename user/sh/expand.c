/* user/sh/expand.c: word expansion (XCU 2.6), in the order POSIX gives:
 * tilde, parameters ($NAME, ${NAME}, $?, $$, $!, $#, $0..$9, $@, $*),
 * field splitting of what unquoted expansions gave (at spaces, tabs,
 * newlines: the default IFS), pathname expansion (glob.c), quote
 * removal. No command substitution or arithmetic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

/* The fields being built from one or more words. */
struct fields {
	char **v;
	int n, cap;
	char *cur;        /* the field being built (malloc'd) */
	size_t len, size;
	bool started;     /* cur is a field even if empty ("" was there) */
	bool no_split;    /* one word in, one string out: no globs either */
	char *pat;        /* cur as a glob pattern: quoted *?[\ escaped */
	size_t plen, psize;
	bool magic;       /* cur has an unquoted * ? or [ */
};

static void grow(char **buf, size_t *size, size_t need)
{
	if (need <= *size)
		return;
	*size = 2 * need + 32;
	*buf = realloc(*buf, *size);
	if (!*buf) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
}

/* Add n bytes of s to the field; active: they were unquoted in the
 * word, so * ? [ in them are pattern characters. */
static void put_text(struct fields *f, const char *s, size_t n, bool active)
{
	grow(&f->cur, &f->size, f->len + n + 1);
	memcpy(f->cur + f->len, s, n);
	f->len += n;
	f->cur[f->len] = '\0';
	f->started = true;
	grow(&f->pat, &f->psize, f->plen + 2 * n + 1);
	for (size_t i = 0; i < n; i++) {
		bool special = strchr("*?[", s[i]) && s[i];
		if (!active && (special || s[i] == '\\'))
			f->pat[f->plen++] = '\\';
		f->magic |= active && special;
		f->pat[f->plen++] = s[i];
	}
	f->pat[f->plen] = '\0';
}

static void put(struct fields *f, const char *s, size_t n)
{
	put_text(f, s, n, false);
}

static void add_field(struct fields *f, const char *s, size_t n)
{
	if (f->n + 1 >= f->cap) {
		char **bigger = sh_alloc(2 * (f->cap + 4) * sizeof(char *));
		if (f->n)
			memcpy(bigger, f->v, f->n * sizeof(char *));
		f->v = bigger;
		f->cap = 2 * (f->cap + 4);
	}
	f->v[f->n++] = sh_strndup(s, n);
}

static void end_field(struct fields *f)
{
	if (!f->started)
		return;
	char **names;
	int n = f->magic && !f->no_split ? glob_expand(f->pat, &names) : 0;
	for (int i = 0; i < n; i++)
		add_field(f, names[i], strlen(names[i]));
	if (n == 0)  /* no pattern, or nothing matched: the field as it is */
		add_field(f, f->cur ? f->cur : "", f->len);
	f->len = f->plen = 0;
	f->started = f->magic = false;
}

/* Add what an expansion gave: as it is inside quotes, split outside. */
static void put_value(struct fields *f, const char *v, bool quoted)
{
	if (quoted || f->no_split) {
		put(f, v, strlen(v));
		return;
	}
	while (*v) {
		size_t word = strcspn(v, " \t\n");
		if (word)  /* unquoted: a * in a value is a pattern too */
			put_text(f, v, word, true);
		v += word;
		if (*v) {
			end_field(f);
			v += strspn(v, " \t\n");
		}
	}
}

/* The value of the parameter named by s (after '$'); *len gets how many
 * bytes of s named it, 0 if none (a '$' standing for itself). The value
 * may live in buf. */
static const char *parameter(const char *s, size_t *len, char *buf,
			     size_t size)
{
	*len = 1;
	switch (*s) {
	case '?': snprintf(buf, size, "%d", last_status); return buf;
	case '$': snprintf(buf, size, "%d", (int)shell_pid); return buf;
	case '#': snprintf(buf, size, "%d", npos_args); return buf;
	case '!':
		if (!last_bg_pid)
			return "";
		snprintf(buf, size, "%d", (int)last_bg_pid);
		return buf;
	case '0': return sh_name;
	case '@': case '*': {
		size_t at = 0;
		buf[0] = '\0';
		for (int i = 0; i < npos_args && at < size; i++)
			at += snprintf(buf + at, size - at, "%s%s", i ? " " : "",
				       pos_args[i]);
		return buf;
	}
	}
	if (*s >= '1' && *s <= '9')
		return *s - '0' <= npos_args ? pos_args[*s - '1'] : "";
	const char *name = s;
	bool braced = *s == '{';
	if (braced)
		name++;
	size_t n = 0;
	while (var_name_ok(name, n + 1))
		n++;
	if (n == 0 || (braced && name[n] != '}')) {
		*len = 0;
		return NULL;
	}
	*len = n + (braced ? 2 : 0);
	char *copy = sh_strndup(name, n);
	const char *v = var_get(copy);
	return v ? v : "";
}

/* Expand one word into f, ending no field at its end. */
static void expand_word(struct fields *f, const char *w)
{
	char buf[4096];
	char quote = 0;
	if (w[0] == '~' && (w[1] == '/' || w[1] == '\0')) {
		const char *home = var_get("HOME");
		put(f, home ? home : "/", strlen(home ? home : "/"));
		w++;
	}
	for (const char *p = w; *p; p++) {
		if (!quote && *p == '\'') {
			const char *close = strchr(p + 1, '\'');
			if (!close)  /* the lexer let none through; be safe */
				close = p + strlen(p);
			put(f, p + 1, close - p - 1);
			p = close;
			if (!*p)
				break;
		} else if (*p == '"') {
			quote = quote ? 0 : '"';
			put(f, "", 0);
		} else if (*p == '\\' && p[1]) {
			if (!quote || strchr("$`\"\\\n", p[1]))
				p++;
			if (*p != '\n')
				put(f, p, 1);
		} else if (*p == '$') {
			size_t len;
			const char *v = parameter(p + 1, &len, buf, sizeof(buf));
			if (!len) {
				put(f, p, 1);
				continue;
			}
			put_value(f, v, quote);
			p += len;
		} else {
			put_text(f, p, 1, !quote);
		}
	}
}

int expand_words(char **words, int n, char ***out)
{
	struct fields f = { 0 };
	for (int i = 0; i < n; i++) {
		expand_word(&f, words[i]);
		end_field(&f);
	}
	if (!f.v)
		f.v = sh_alloc(sizeof(char *));
	f.v[f.n] = NULL;
	free(f.cur);
	free(f.pat);
	*out = f.v;
	return f.n;
}

char *expand_one(const char *word)
{
	struct fields f = { .no_split = true };
	expand_word(&f, word);
	char *s = sh_strndup(f.cur ? f.cur : "", f.len);
	free(f.cur);
	free(f.pat);
	return s;
}
