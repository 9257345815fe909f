/* user/sh/options.c: set and shift. `set -e` (errexit: a failing command
 * ends the shell, unless it is a condition: of if, while or until, the
 * left of && or ||, or negated with !), `set -x` (xtrace: each simple
 * command is written to stderr, after expansion, as "+ cmd args"), `set
 * -u` (nounset: expanding an unset variable is an error, which ends a
 * script; expand.c), `set -f` (noglob: no pathname expansion); `+e` and
 * the others turn them off, and `set -o NAME` / `+o NAME` say the same
 * by name; `set -- ARG...` (or the first argument that is no option)
 * replaces $1...; `set` alone lists the variables. `shift [N]` drops the
 * first N positional parameters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

bool opt_errexit, opt_xtrace, opt_nounset, opt_noglob;
int cond_depth;

/* Each option: its letter, its -o name, where it is kept. */
static const struct {
	char letter;
	const char *name;
	bool *on;
} options[] = {
	{ 'e', "errexit", &opt_errexit }, { 'f', "noglob", &opt_noglob },
	{ 'u', "nounset", &opt_nounset }, { 'x', "xtrace", &opt_xtrace },
};
#define NOPTIONS (int)(sizeof(options) / sizeof(options[0]))

/* Turn the option with this letter (or, with letter 0, this name) on or
 * off. False if there is none. */
static bool set_option(char letter, const char *name, bool on)
{
	for (int i = 0; i < NOPTIONS; i++) {
		if (letter ? options[i].letter == letter :
			     strcmp(options[i].name, name) == 0) {
			*options[i].on = on;
			return true;
		}
	}
	return false;
}

/* The positional parameters set has made (malloc'd: they outlive the
 * line's arena), or NULL while they are still the shell's arguments. */
static char **owned_args;

static void set_args(char **args, int n)
{
	char **v = calloc(n + 1, sizeof(char *));
	for (int i = 0; v && i < n; i++) {
		if ((v[i] = strdup(args[i])))
			continue;
		while (i--)
			free(v[i]);
		free(v);
		v = NULL;
	}
	if (!v) {
		fprintf(stderr, "sh: set: out of memory\n");
		return;
	}
	if (owned_args)
		for (char **a = owned_args; *a; a++)
			free(*a);
	free(owned_args);
	owned_args = pos_args = v;
	npos_args = n;
}

int b_set(int argc, char **argv)
{
	if (argc == 1) {
		vars_print(false);
		return 0;
	}
	int i = 1;
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		if (strcmp(argv[i], "--") == 0) {
			set_args(argv + i + 1, argc - i - 1);
			return 0;
		}
		bool on = argv[i][0] == '-';
		if (argv[i][1] == 'o' && !argv[i][2]) {  /* -o NAME, +o NAME */
			const char *name = i + 1 < argc ? argv[++i] : "";
			if (!set_option(0, name, on)) {
				fprintf(stderr, "sh: set: %s: invalid option "
					"name\n", name);
				return 2;
			}
			continue;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (!set_option(*o, NULL, on)) {
				fprintf(stderr, "sh: set: %c%c: invalid option\n",
					argv[i][0], *o);
				return 2;
			}
		}
	}
	if (i < argc)
		set_args(argv + i, argc - i);
	return 0;
}

int b_shift(int argc, char **argv)
{
	long n = 1;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (*end || !*argv[1] || n < 0) {
			fprintf(stderr, "sh: shift: %s: numeric argument required\n",
				argv[1]);
			return 1;
		}
	}
	if (n > npos_args) {
		fprintf(stderr, "sh: shift: %ld: shift count out of range\n", n);
		return 1;
	}
	pos_args += n;
	npos_args -= (int)n;
	return 0;
}

void xtrace(int argc, char **argv)
{
	if (!opt_xtrace)
		return;
	fprintf(stderr, "+");
	for (int i = 0; i < argc; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, "\n");
}

void errexit_check(int status)
{
	if (opt_errexit && status && !cond_depth)
		sh_exit(status);
}

int sh_options(const char *arg)
{
	if (arg[0] != '-' || !arg[1] || strspn(arg + 1, "cefux") != strlen(arg + 1))
		return -1;
	for (const char *o = arg + 1; *o; o++)
		if (*o != 'c')
			set_option(*o, NULL, true);
	return strchr(arg, 'c') ? 1 : 0;
}

void nounset_error(const char *name)
{
	fprintf(stderr, "sh: %s: parameter not set\n", name);
	if (!interactive)
		sh_exit(2);
}
