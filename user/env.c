/* user/env.c: env [-i] [NAME=VALUE]... [COMMAND [ARG]...]: print the
 * environment, one NAME=VALUE a line; or run COMMAND with the
 * environment changed: -i starts from an empty one, each NAME=VALUE sets
 * a variable. COMMAND without a '/' is looked for in each directory of
 * PATH (of the new environment; /bin if there is none). Exit status:
 * COMMAND's; 127 if it was not found, 126 if it could not be run, 125
 * for a bad option. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set "NAME=VALUE" in env (n entries, room for one more and a NULL). */
static void set_var(char **env, int *n, char *assignment)
{
	size_t len = strchr(assignment, '=') - assignment + 1;
	for (int i = 0; i < *n; i++) {
		if (strncmp(env[i], assignment, len) == 0) {
			env[i] = assignment;
			return;
		}
	}
	env[(*n)++] = assignment;
	env[*n] = NULL;
}

static const char *lookup(char **env, const char *name)
{
	size_t len = strlen(name);
	for (int i = 0; env[i]; i++)
		if (strncmp(env[i], name, len) == 0 && env[i][len] == '=')
			return env[i] + len + 1;
	return NULL;
}

/* execve cmd, searching PATH; returns only on failure, with the errno
 * that says most (ENOENT only if no directory had it). */
static int run(char **argv, char **env)
{
	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, env);
		return errno;
	}
	const char *path = lookup(env, "PATH");
	int err = ENOENT;
	for (const char *dir = path ? path : "/bin"; ; dir++) {
		const char *end = strchr(dir, ':');
		size_t dlen = end ? (size_t)(end - dir) : strlen(dir);
		char full[512];
		snprintf(full, sizeof(full), "%.*s%s%s", (int)dlen, dir,
			 dlen ? "/" : "", argv[0]);
		execve(full, argv, env);
		if (errno != ENOENT && errno != ENOTDIR)
			err = errno;
		if (!end)
			break;
		dir = end;
	}
	return err;
}

int main(int argc, char **argv)
{
	extern char **environ;
	int i = 1, n = 0, size = argc + 1;
	bool clear = i < argc && strcmp(argv[i], "-i") == 0;
	if (clear)
		i++;
	if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		fprintf(stderr, "env: invalid option -- '%c'\n"
			"usage: env [-i] [NAME=VALUE]... [COMMAND [ARG]...]\n",
			argv[i][1]);
		return 125;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	for (int k = 0; !clear && environ[k]; k++)
		size++;
	char **env = malloc(size * sizeof(*env));
	if (!env) {
		fprintf(stderr, "env: %s\n", strerror(ENOMEM));
		return 125;
	}
	for (int k = 0; !clear && environ[k]; k++)
		env[n++] = environ[k];
	env[n] = NULL;
	for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '='; i++)
		set_var(env, &n, argv[i]);
	if (i == argc) {
		for (int k = 0; env[k]; k++)
			puts(env[k]);
		return 0;
	}
	fflush(stdout);
	int err = run(argv + i, env);
	fprintf(stderr, "env: '%s': %s\n", argv[i], strerror(err));
	return err == ENOENT ? 127 : 126;
}
