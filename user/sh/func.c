/* user/sh/func.c: functions. `name() compound-command` defines one when
 * it runs; the shell keeps the command's source text (malloc'd: the parse
 * tree lives in the arena, which is emptied after every line) and parses
 * it again at each call. A call runs in the shell itself (or in the child
 * of a pipeline), with $1... set to its arguments and put back after;
 * `return [N]` ends it, unwinding as break does (run_tree runs nothing
 * while func_returning is set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct func {
	char *name, *body;
	struct func *next;
};

static struct func *funcs;
static int call_depth;
bool func_returning;
static int return_status;

static struct func *find(const char *name)
{
	for (struct func *f = funcs; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

void func_define(const char *name, const char *body)
{
	struct func *f = find(name);
	char *copy = strdup(body);
	if (!copy) {
		fprintf(stderr, "sh: %s: out of memory\n", name);
		return;
	}
	if (!f) {
		f = calloc(1, sizeof(*f));
		if (!f || !(f->name = strdup(name))) {
			fprintf(stderr, "sh: %s: out of memory\n", name);
			free(f);
			free(copy);
			return;
		}
		f->next = funcs;
		funcs = f;
	}
	free(f->body);
	f->body = copy;
}

bool func_exists(const char *name)
{
	return find(name) != NULL;
}

/* A builtin_fn for every function: the one argv[0] names. */
int func_call(int argc, char **argv)
{
	struct func *f = find(argv[0]);
	struct node *tree;
	if (!f || parse(f->body, &tree) != 0)
		return 2;
	if (call_depth >= 1000) {
		fprintf(stderr, "sh: %s: maximum function nesting level exceeded\n",
			argv[0]);
		return 2;
	}
	char **saved_args = pos_args;
	int saved_n = npos_args, saved_depth = loop_depth;
	pos_args = argv + 1;
	npos_args = argc - 1;
	loop_depth = 0;  /* a break in it does not reach the caller's loop */
	call_depth++;
	int status = run_tree(tree);
	call_depth--;
	if (func_returning) {
		func_returning = false;
		status = return_status;
	}
	loop_depth = saved_depth;
	pos_args = saved_args;
	npos_args = saved_n;
	return status;
}

/* return [N]: leave the function with status N (by default $?). */
int b_return(int argc, char **argv)
{
	int status = last_status;
	if (argc > 1) {
		char *end;
		long n = strtol(argv[1], &end, 10);
		if (*end || !*argv[1]) {
			fprintf(stderr, "sh: return: %s: numeric argument required\n",
				argv[1]);
			n = 2;
		}
		status = (int)(n & 0xff);
	}
	if (!call_depth) {
		fprintf(stderr, "sh: return: can only `return' from a function\n");
		return 1;
	}
	return_status = status;
	func_returning = true;
	return status;
}
