/* user/sh/flow.c: what steers a script: the loops (while, until, for) and
 * case, as run_tree() runs them; break and continue (how many enclosing
 * loops they still have to leave, or to restart: the loops ask
 * loop_done() after each round); and read (one line of input into
 * variables). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

int loop_depth, loop_break, loop_continue;

bool loop_done(void)
{
	if (func_returning)
		return true;  /* leave every loop up to the function's call */
	if (loop_break) {
		loop_break--;
		return true;
	}
	if (loop_continue)
		return --loop_continue > 0;  /* 0: it was this loop's */
	return false;
}

/* while / until: the body as long as the condition says so, or until a
 * break (flow.c). The arena is given back after each round, or a long
 * loop would fill it. */
int run_loop(struct node *n)
{
	int status = 0;
	size_t mark = sh_arena_mark();
	loop_depth++;
	while (!interrupted) {
		cond_depth++;
		bool go = (run_tree(n->cond) == 0) == (n->type == N_WHILE);
		cond_depth--;
		if (loop_done() || !go || interrupted)
			break;
		status = run_tree(n->left);
		sh_arena_release(mark);
		if (loop_done())
			break;
	}
	loop_depth--;
	return status;
}

int run_for(struct node *n)
{
	char **fields = pos_args;
	int count = npos_args, status = 0;
	if (n->words)
		count = expand_words(n->words, n->nwords, &fields);
	size_t mark = sh_arena_mark();
	loop_depth++;
	for (int i = 0; i < count && !interrupted; i++) {
		var_set(n->var, fields[i], false);
		status = run_tree(n->left);
		sh_arena_release(mark);
		if (loop_done())
			break;
	}
	loop_depth--;
	return status;
}

/* case: the body of the first item with a pattern the word matches. */
int run_case(struct node *n)
{
	char *word = expand_one(n->var);
	for (struct case_item *it = n->items; it; it = it->next)
		for (int k = 0; k < it->npats; k++)
			if (pattern_match(expand_pattern(it->pats[k]), word))
				return it->body ? run_tree(it->body) : 0;
	return 0;
}

/* break [N] and continue [N]: leave, or go on with the next round of,
 * the Nth enclosing loop (1 by default; at most the loops there are). */
int b_break(int argc, char **argv)
{
	long n = 1;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (*end || !*argv[1] || n < 1) {
			fprintf(stderr, "sh: %s: %s: loop count out of range\n",
				argv[0], argv[1]);
			return 1;
		}
	}
	if (!loop_depth) {
		fprintf(stderr, "sh: %s: only meaningful in a `for', `while', "
			"or `until' loop\n", argv[0]);
		return 0;
	}
	if (n > loop_depth)
		n = loop_depth;
	if (argv[0][0] == 'b')
		loop_break = (int)n;
	else
		loop_continue = (int)n;
	return 0;
}

/* One line of standard input, byte by byte (what follows the line stays
 * for the next reader of a pipe), without its newline. Unless raw, a
 * backslash keeps the next byte from splitting (quoted[] marks it) and a
 * backslash-newline joins two lines. NULL at end of input with nothing
 * read; *eof says whether the input ended. */
static char *read_line(bool raw, char **quoted, bool *eof)
{
	size_t len = 0, size = 64;
	char *line = sh_alloc(size), *q = sh_alloc(size), c;
	ssize_t r;
	*eof = false;
	while ((r = read(0, &c, 1)) == 1 || (r < 0 && errno == EINTR)) {
		if (r < 0)
			continue;
		bool escaped = false;
		if (!raw && c == '\\') {
			if (read(0, &c, 1) != 1)
				break;
			if (c == '\n')
				continue;
			escaped = true;
		} else if (c == '\n') {
			*quoted = q;
			return line;
		}
		if (len + 2 > size) {
			char *bigger = sh_alloc(size * 2), *bq = sh_alloc(size * 2);
			memcpy(bigger, line, len);
			memcpy(bq, q, len);
			line = bigger, q = bq, size *= 2;
		}
		q[len] = escaped;
		line[len++] = c;
	}
	*eof = true;
	*quoted = q;
	return len ? line : NULL;
}

/* read [-r] [NAME...]: the line's fields, split at $IFS (space, tab and
 * newline when unset; white space runs count once), into the NAMEs, the
 * last taking the rest of the line; REPLY when no NAME is given. Status 1
 * at end of input (the variables still get what was read). */
int b_read(int argc, char **argv)
{
	int first = 1;
	bool raw = argc > 1 && strcmp(argv[1], "-r") == 0;
	first += raw;
	for (int i = first; i < argc; i++)
		if (!var_name_ok(argv[i], strlen(argv[i]))) {
			fprintf(stderr, "sh: read: `%s': not a valid identifier\n",
				argv[i]);
			return 1;
		}
	char *reply[] = { "read", "REPLY" };
	if (first == argc)
		argv = reply, first = 1, argc = 2;
	fflush(stdout);
	char *quoted;
	bool eof;
	char *line = read_line(raw, &quoted, &eof);
	const char *ifs = var_get("IFS") ? var_get("IFS") : " \t\n";
	size_t at = 0, len = line ? strlen(line) : 0;
#define IS_IFS(k) (!quoted[k] && strchr(ifs, line[k]) && line[k])
#define IS_WHITE(k) (IS_IFS(k) && strchr(" \t\n", line[k]))
	for (int i = first; i < argc; i++) {
		while (at < len && IS_WHITE(at))
			at++;
		size_t start = at, end;
		if (i == argc - 1) {  /* the rest, less trailing white space */
			end = len;
			while (end > start && IS_WHITE(end - 1))
				end--;
		} else {
			while (at < len && !IS_IFS(at))
				at++;
			end = at;
			while (at < len && IS_WHITE(at))
				at++;
			if (at < len && IS_IFS(at))  /* one non-white delimiter */
				at++;
		}
		var_set(argv[i], line ? sh_strndup(line + start, end - start) : "",
			false);
	}
#undef IS_IFS
#undef IS_WHITE
	return eof ? 1 : 0;
}
