/* user/sh/expand.c: word expansion (XCU 2.6), in the order POSIX gives:
 * tilde, parameters ($NAME, ${NAME}, $?, $$, $!, $#, $0..$9, $@, $*),
 * field splitting of what unquoted expansions gave (at spaces, tabs,
 * newlines: the default IFS), command substitution $(...), pathname
 * expansion (glob.c), quote removal; arithmetic $((...)) (arith.c), and
 * `...`, the old form of $(...). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* The fields being built from one or more words. */
struct fields {
	char **v;
	int n, cap;
	char *cur;        /* the field being built (malloc'd) */
	size_t len, size;
	bool started;     /* cur is a field even if empty ("" was there) */
	bool no_split;    /* one word in, one string out: no globs either */
	bool pattern;     /* ...but unquoted expansions stay patterns */
	bool heredoc;     /* a here-document's body: as in "...", but a
			     quote is a plain character */
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
	int n = f->magic && !f->no_split && !opt_noglob ?
		glob_expand(f->pat, &names) : 0;
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
		put_text(f, v, strlen(v), !quoted && f->pattern);
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

static const char *parameter(const char *s, size_t *len, char *buf,
			     size_t size);

/* The '}' closing the ${ at s[-1], nested ${...} skipped; NULL if none. */
static const char *brace_end(const char *s)
{
	for (int depth = 1; *s; s++) {
		if (*s == '{')
			depth++;
		else if (*s == '}' && --depth == 0)
			return s;
	}
	return NULL;
}

/* ${NAME#PAT} ${NAME##PAT} ${NAME%PAT} ${NAME%%PAT}: v less the shortest
 * (op single) or longest (doubled) prefix (#) or suffix (%) that PAT
 * matches, or v itself if none does. */
static const char *trim(const char *v, char op, bool longest, const char *word)
{
	char *pat = expand_pattern(word);
	size_t len = strlen(v);
	for (size_t k = 0; k <= len; k++) {
		size_t at = op == '#' ? (longest ? len - k : k)   /* prefix length */
				      : (longest ? k : len - k);  /* suffix start */
		if (op == '#' && pattern_match(pat, sh_strndup(v, at)))
			return v + at;
		if (op == '%' && pattern_match(pat, v + at))
			return sh_strndup(v, at);
	}
	return v;
}

/* ${NAME op WORD} and ${#NAME} (after '$'; s at '{'): op is - = + ? after
 * an optional ':' (with it, an empty value counts as unset), or # ## % %%
 * (trim()). WORD is expanded only when it is used. *len as for
 * parameter(); NULL with *len 0 if s is no such form. */
static const char *braced(const char *s, size_t *len, char *buf, size_t size)
{
	const char *close = brace_end(s + 1);
	bool length = s[1] == '#' && s[2] != '}';
	const char *name = s + 1 + length;
	size_t n = 0;
	while (var_name_ok(name, n + 1))
		n++;
	if (!n && *name >= '0' && *name <= '9')
		n = 1;  /* a positional parameter */
	if (!close || !n) {
		*len = 0;
		return NULL;
	}
	*len = close - s + 1;
	char *copy = sh_strndup(name, n);
	const char *v;
	if (*name == '0')
		v = sh_name;
	else if (*name >= '1' && *name <= '9')  /* NULL if not there: unset */
		v = *name - '0' <= npos_args ? pos_args[*name - '1'] : NULL;
	else
		v = var_get(copy);
	bool colon = name[n] == ':', set = v != NULL, use_word;
	char op = name[n + colon];
	/* set -u: only the forms that say what to do when unset may meet
	 * an unset variable */
	if (!set && opt_nounset && (length || name + n == close ||
				    name[n] == '#' || name[n] == '%')) {
		nounset_error(copy);
		return "";
	}
	if (length) {
		snprintf(buf, size, "%zu", v ? strlen(v) : (size_t)0);
		return name[n] == '}' ? buf : (*len = 0, (const char *)NULL);
	}
	if (name + n == close)
		return v ? v : "";
	if (name[n] == '#' || name[n] == '%') {
		bool longest = name[n + 1] == name[n];
		const char *pat_at = name + n + 1 + longest;
		return trim(v ? v : "", name[n], longest,
			    sh_strndup(pat_at, close - pat_at));
	}
	if (!strchr("-=+?", op) || !op) {
		*len = 0;
		return NULL;
	}
	use_word = colon ? !set || !*v : !set;
	const char *word_at = name + n + colon + 1;
	char *word = sh_strndup(word_at, close - word_at);
	switch (op) {
	case '-':
		return use_word ? expand_one(word) : v;
	case '=':
		if (!use_word)
			return v;
		word = expand_one(word);
		var_set(copy, word, false);
		return word;
	case '+':
		return use_word ? "" : expand_one(word);
	default:  /* '?': unset is an error, which ends a script */
		if (!use_word)
			return v;
		fprintf(stderr, "sh: %s: %s\n", copy,
			*word ? expand_one(word) : "parameter null or not set");
		if (!interactive)
			sh_exit(2);
		return "";
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
	if (*s >= '1' && *s <= '9') {
		if (*s - '0' <= npos_args)
			return pos_args[*s - '1'];
		if (opt_nounset)
			nounset_error(sh_strndup(s, 1));
		return "";
	}
	if (*s == '{')
		return braced(s, len, buf, size);
	const char *name = s;
	size_t n = 0;
	while (var_name_ok(name, n + 1))
		n++;
	if (n == 0) {
		*len = 0;
		return NULL;
	}
	*len = n;
	char *copy = sh_strndup(name, n);
	const char *v = var_get(copy);
	if (!v && opt_nounset)
		nounset_error(copy);
	return v ? v : "";
}

int subst_status = -1;

/* $(cmd): what cmd writes to its stdout, less the newlines at the end;
 * a child shell runs it. Its status is $? only after a command of
 * assignments alone (x=$(false)), as POSIX says: see subst_status. */
static char *substitute(const char *cmd)
{
	int fds[2];
	if (pipe(fds) < 0)
		return "";
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		jobs_restore_signals();
		traps_in_child();
		interactive = job_control = false;
		jobs_forget();
		struct node *tree;
		int r = parse(cmd, &tree);
		if (r == 1)
			fprintf(stderr, "sh: syntax error: unexpected end of file\n");
		sh_exit(r ? 2 : run_tree(tree));
	}
	close(fds[1]);
	char *out = NULL;
	size_t len = 0, size = 0;
	ssize_t n = 1;
	while (pid > 0 && n != 0) {
		grow(&out, &size, len + 4096);
		n = read(fds[0], out + len, 4096);
		if (n < 0 && errno != EINTR)
			break;
		len += n > 0 ? n : 0;
	}
	close(fds[0]);
	int status;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (pid > 0)
		subst_status = WIFEXITED(status) ? WEXITSTATUS(status) :
						   128 + WTERMSIG(status);
	while (len > 0 && out[len - 1] == '\n')
		len--;
	char *s = sh_strndup(out ? out : "", len);
	free(out);
	return s;
}

/* Expand one word into f, ending no field at its end. */
static void expand_word(struct fields *f, const char *w)
{
	char buf[4096];
	char quote = f->heredoc ? '"' : 0;  /* a body: as if in "..." */
	if (!f->heredoc && w[0] == '~' && (w[1] == '/' || w[1] == '\0')) {
		const char *home = var_get("HOME");
		put(f, home ? home : "/", strlen(home ? home : "/"));
		w++;
	}
	for (const char *p = w; *p; p++) {
		if (f->heredoc && (*p == '\'' || *p == '"')) {
			put(f, p, 1);
		} else if (!quote && *p == '\'') {
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
			if (!quote || strchr(f->heredoc ? "$`\\\n" : "$`\"\\\n", p[1]))
				p++;
			if (*p != '\n')
				put(f, p, 1);
		} else if (p[0] == '$' && p[1] == '(' && p[2] == '(' &&
			   lex_paren_end(p + 1) && lex_paren_end(p + 1)[-2] == ')') {
			const char *end = lex_paren_end(p + 1);  /* past "))" */
			intmax_t v;
			arith_eval(expand_one(sh_strndup(p + 3, end - p - 5)), &v);
			char num[24];
			snprintf(num, sizeof(num), "%lld", (long long)v);
			put_value(f, sh_strndup(num, strlen(num)), quote);
			p = end - 1;
		} else if (*p == '`' && lex_backquote_end(p)) {
			/* `cmd`, the old $(cmd): \` \$ \\ inside stand for `, $, \ */
			const char *end = lex_backquote_end(p) - 1;
			char *cmd = sh_alloc(end - p), *o = cmd;
			for (const char *q = p + 1; q < end; q++)
				*o++ = *q == '\\' && strchr("`$\\", q[1]) ? *++q : *q;
			put_value(f, substitute(cmd), quote);
			p = end;
		} else if (p[0] == '$' && p[1] == '(' && lex_paren_end(p + 1)) {
			const char *end = lex_paren_end(p + 1);
			put_value(f, substitute(sh_strndup(p + 2, end - p - 3)),
				  quote);
			p = end - 1;
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

char *expand_heredoc(const char *body)
{
	struct fields f = { .no_split = true, .heredoc = true };
	expand_word(&f, body);
	char *s = sh_strndup(f.cur ? f.cur : "", f.len);
	free(f.cur);
	free(f.pat);
	return s;
}

char *expand_pattern(const char *word)
{
	struct fields f = { .no_split = true, .pattern = true };
	expand_word(&f, word);
	char *s = sh_strndup(f.pat ? f.pat : "", f.plen);
	free(f.cur);
	free(f.pat);
	return s;
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
