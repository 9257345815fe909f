/* user/sh/vars.c: shell variables. Each has a name, a value and an
 * export mark; the exported ones make up the environment of every
 * command the shell runs (vars_environ). The shell starts with its own
 * environment, all of it exported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char *name, *value;   /* malloc'd */
	bool exported;
};
static struct var *vars;
static int nvars, cap;

bool var_name_ok(const char *s, size_t n)
{
	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!(c == '_' || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

static struct var *find(const char *name)
{
	for (int i = 0; i < nvars; i++)
		if (strcmp(vars[i].name, name) == 0)
			return &vars[i];
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name);
	return v ? v->value : NULL;
}

int var_set(const char *name, const char *value, bool export)
{
	struct var *v = find(name);
	if (!v) {
		if (nvars == cap) {
			int bigger = cap ? 2 * cap : 32;
			struct var *nv = realloc(vars, bigger * sizeof(*nv));
			if (!nv)
				return -1;
			vars = nv;
			cap = bigger;
		}
		v = &vars[nvars++];
		v->name = strdup(name);
		v->value = NULL;
		v->exported = false;
	}
	free(v->value);
	v->value = strdup(value);
	v->exported |= export;
	return 0;
}

void var_unset(const char *name)
{
	struct var *v = find(name);
	if (!v)
		return;
	free(v->name);
	free(v->value);
	*v = vars[--nvars];
}

void var_export(const char *name)
{
	struct var *v = find(name);
	if (v)
		v->exported = true;
	else
		var_set(name, "", true);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct var *)a)->name, ((const struct var *)b)->name);
}

void vars_print(bool exported)
{
	qsort(vars, nvars, sizeof(*vars), by_name);
	for (int i = 0; i < nvars; i++) {
		if (exported && vars[i].exported) {
			printf("export %s=\"%s\"\n", vars[i].name, vars[i].value);
		} else if (!exported) {  /* NAME='value', ' as '\'' */
			printf("%s='", vars[i].name);
			for (const char *c = vars[i].value; *c; c++)
				printf(*c == '\'' ? "'\\''" : "%c", *c);
			printf("'\n");
		}
	}
}

void vars_init(char **envp)
{
	for (char **e = envp; e && *e; e++) {
		char *eq = strchr(*e, '=');
		if (!eq || !var_name_ok(*e, eq - *e))
			continue;
		char name[256];
		if (eq - *e >= (long)sizeof(name))
			continue;
		memcpy(name, *e, eq - *e);
		name[eq - *e] = '\0';
		var_set(name, eq + 1, true);
	}
}

char **vars_environ(char **assigns, int nassigns)
{
	char **env = malloc((nvars + nassigns + 1) * sizeof(char *));
	int n = 0;
	if (!env)
		return NULL;
	for (int i = 0; i < nassigns; i++)
		env[n++] = assigns[i];
	for (int i = 0; i < nvars; i++) {
		if (!vars[i].exported)
			continue;
		size_t len = strlen(vars[i].name);
		bool overridden = false;
		for (int k = 0; k < nassigns; k++)
			overridden |= strncmp(assigns[k], vars[i].name, len) == 0 &&
				      assigns[k][len] == '=';
		if (overridden)
			continue;
		char *s = malloc(len + strlen(vars[i].value) + 2);
		if (!s)
			break;
		sprintf(s, "%s=%s", vars[i].name, vars[i].value);
		env[n++] = s;
	}
	env[n] = NULL;
	return env;
}
