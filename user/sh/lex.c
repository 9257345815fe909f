/* user/sh/lex.c: the lexer. Cuts a line into words and operators as POSIX
 * sh does (XCU 2.3): quotes and backslashes only decide where a word
 * ends here; they stay in the word's text and expand.c removes them when
 * the word is expanded, just before the command runs. */
#include <string.h>

#include "sh.h"

static bool is_meta(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	       c == '|' || c == '<' || c == '>' || c == '(' || c == ')' ||
	       c == '\0';
}

const char *lex_paren_end(const char *s)
{
	int depth = 0;
	for (;; s++) {
		switch (*s) {
		case '\0':
			return NULL;
		case '(':
			depth++;
			break;
		case ')':
			if (--depth == 0)
				return s + 1;
			break;
		case '\\':
			if (s[1])
				s++;
			break;
		case '\'':
			s = strchr(s + 1, '\'');
			if (!s)
				return NULL;
			break;
		case '"':
			for (s++; *s != '"'; s++) {
				if (!*s)
					return NULL;
				if (*s == '\\' && s[1])
					s++;
			}
			break;
		}
	}
}

const char *lex_backquote_end(const char *s)
{
	for (s++; *s != '`'; s++) {
		if (!*s)
			return NULL;
		if (*s == '\\' && s[1])
			s++;
	}
	return s + 1;
}

/* The end of the word starting at s, or NULL if a quote or a $( is left
 * open or the line ends with a backslash (more input is needed then). */
static const char *word_end(const char *s)
{
	while (!is_meta(*s)) {
		if (*s == '\\') {
			if (!s[1])
				return NULL;
			s += 2;
		} else if (*s == '\'') {
			s = strchr(s + 1, '\'');
			if (!s)
				return NULL;
			s++;
		} else if (*s == '"') {
			for (s++; *s != '"'; s++) {
				if (!*s)
					return NULL;
				if (*s == '\\' && s[1])
					s++;
				if (s[0] == '$' && s[1] == '(') {  /* "$(a ")")" */
					s = lex_paren_end(s + 1);
					if (!s)
						return NULL;
					s--;
				} else if (*s == '`') {  /* "`echo "a"`" */
					s = lex_backquote_end(s);
					if (!s)
						return NULL;
					s--;
				}
			}
			s++;
		} else if (s[0] == '$' && s[1] == '(') {
			s = lex_paren_end(s + 1);
			if (!s)
				return NULL;
		} else if (*s == '`') {
			s = lex_backquote_end(s);
			if (!s)
				return NULL;
		} else if (s[0] == '$' && s[1] == '{') {
			const char *close = strchr(s, '}');
			s = close ? close + 1 : s + 2;
		} else {
			s++;
		}
	}
	return s;
}

/* The operator at s: its type and length (0 if s is no operator). */
static int operator(const char *s, enum tok *type)
{
	static const struct { const char *text; enum tok type; } ops[] = {
		{ "<<-", T_DLTDASH }, { "<<", T_DLT },
		{ "&&", T_AND }, { "||", T_OR }, { ">>", T_DGT }, { ";;", T_DSEMI },
		{ ">&", T_GTAMP }, { "<&", T_LTAMP }, { ">|", T_GT },
		{ ";", T_SEMI }, { "&", T_AMP }, { "|", T_PIPE },
		{ "<", T_LT }, { ">", T_GT }, { "\n", T_NEWLINE },
		{ "(", T_LPAREN }, { ")", T_RPAREN },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0) {
			*type = ops[i].type;
			return (int)n;
		}
	}
	return 0;
}

int lex(const char *line, struct token **out)
{
	int cap = 16, n = 0, heredocs_from = 0;
	struct token *toks = sh_alloc(cap * sizeof(*toks));
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || (p[0] == '\\' && p[1] == '\n'))
			p += *p == '\\' ? 2 : 1;
		if (*p == '#')  /* a comment, to the end of the line */
			while (*p && *p != '\n')
				p++;
		if (n + 1 == cap) {
			struct token *bigger = sh_alloc(2 * cap * sizeof(*toks));
			memcpy(bigger, toks, n * sizeof(*toks));
			toks = bigger;
			cap *= 2;
		}
		struct token *t = &toks[n];
		t->start = p - line;
		t->io_fd = -1;
		if (!*p) {
			t->type = T_END;
			t->end = t->start;
			for (int i = heredocs_from; i < n; i++)
				if (toks[i].type == T_DLT || toks[i].type == T_DLTDASH)
					return -1;  /* its body is still to come */
			*out = toks;
			return n + 1;
		}
		int len = operator(p, &t->type);
		if (len) {
			p += len;
			if (t->type == T_NEWLINE) {  /* here-documents start below */
				t->end = p - line;
				if (heredoc_read_bodies(toks, heredocs_from, n, &p) < 0)
					return -1;
				heredocs_from = ++n;
				continue;
			}
		} else {
			const char *e = word_end(p);
			if (!e)
				return -1;
			t->type = T_WORD;
			t->text = sh_strndup(p, e - p);
			if (strcmp(t->text, "!") == 0)
				t->type = T_BANG;
			/* digits right before < or > name the descriptor: 2>f */
			if ((*e == '<' || *e == '>') &&
			    strspn(t->text, "0123456789") == strlen(t->text) &&
			    e - p <= 4) {
				int fd = 0;
				for (const char *d = p; d < e; d++)
					fd = fd * 10 + (*d - '0');
				len = operator(e, &t->type);
				t->io_fd = fd;
				e += len;
			}
			p = e;
		}
		t->end = p - line;
		n++;
	}
}

const char *tok_name(const struct token *t)
{
	static const char *const names[] = {
		[T_NEWLINE] = "newline", [T_END] = "newline", [T_SEMI] = ";",
		[T_AMP] = "&", [T_PIPE] = "|", [T_AND] = "&&", [T_OR] = "||",
		[T_BANG] = "!", [T_LT] = "<", [T_GT] = ">", [T_DGT] = ">>",
		[T_GTAMP] = ">&", [T_LTAMP] = "<&", [T_LPAREN] = "(",
		[T_RPAREN] = ")", [T_DSEMI] = ";;", [T_DLT] = "<<",
		[T_DLTDASH] = "<<-",
	};
	return t->type == T_WORD ? t->text : names[t->type];
}
