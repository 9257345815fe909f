/* user/sh/builtins.c: the commands the shell runs itself, because they
 * change the shell (cd, export, exit, fg, ...) or know its jobs (jobs,
 * kill %1). Each is `int NAME(int argc, char **argv)` returning its exit
 * status; errors are "sh: NAME: ..." on stderr, as bash words them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

void sh_exit(int status)
{
	last_status = status;  /* what the EXIT trap sees as $? */
	traps_run_exit();
	fflush(stdout);
	fflush(stderr);
	exit(status & 0xff);
}

static int b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char old[1024], now[1024];
	if (!dir || !*dir)
		dir = "/";
	if (argc > 1 && strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		if (!dir) {
			fprintf(stderr, "sh: cd: OLDPWD not set\n");
			return 1;
		}
		printf("%s\n", dir);
	}
	if (!getcwd(old, sizeof(old)))
		old[0] = '\0';
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	var_set("OLDPWD", old, false);
	if (getcwd(now, sizeof(now)))
		var_set("PWD", now, false);
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	char buf[1024];
	(void)argc, (void)argv;
	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}

/* export NAME[=value]..., export alone lists the exported variables;
 * unset NAME... */
static int b_export(int argc, char **argv)
{
	int status = 0;
	if (argc == 1)
		vars_print(true);
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (!var_name_ok(argv[i], n)) {
			fprintf(stderr, "sh: %s: `%s': not a valid identifier\n",
				argv[0], argv[i]);
			status = 1;
			continue;
		}
		if (strcmp(argv[0], "unset") == 0) {
			var_unset(argv[i]);
		} else if (eq) {
			*eq = '\0';
			var_set(argv[i], eq + 1, true);
		} else {
			var_export(argv[i]);
		}
	}
	return status;
}

static int b_exit(int argc, char **argv)
{
	sh_exit(argc > 1 ? atoi(argv[1]) : last_status);
	return 0;
}

static int b_echo(int argc, char **argv)
{
	bool newline = true;
	int i = 1;
	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = false;
		i++;
	}
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (newline)
		printf("\n");
	return 0;
}

static int b_true(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int b_jobs(int argc, char **argv)
{
	jobs_list(argc > 1 && strcmp(argv[1], "-p") == 0);
	return 0;
}

/* The job fg, bg, wait or kill names: %n, or the current one. */
static int job_arg(const char *who, const char *spec)
{
	int id = job_find(spec ? spec : "%+");
	if (id < 0)
		fprintf(stderr, "sh: %s: %s: no such job\n", who,
			spec ? spec : "current");
	return id;
}

static int b_fg(int argc, char **argv)
{
	if (!job_control) {
		fprintf(stderr, "sh: %s: no job control\n", argv[0]);
		return 1;
	}
	int id = job_arg(argv[0], argc > 1 ? argv[1] : NULL);
	if (id < 0)
		return 1;
	return argv[0][0] == 'f' ? job_fg(id) : job_bg(id);
}

static int b_wait(int argc, char **argv)
{
	int status = 0;
	if (argc == 1)
		return jobs_wait_all();
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '%') {
			int id = job_arg("wait", argv[i]);
			status = id < 0 ? 127 : job_wait(id);
		} else {
			status = job_wait_pid(atoi(argv[i]));
		}
	}
	return status;
}

/* kill is /bin/kill; the shell only turns each %n into the job's process
 * group (-PGID, after a "--") or its pids first. */
static int b_kill(int argc, char **argv)
{
	char **args = sh_alloc((2 * argc + 64) * sizeof(char *));
	int n = 0, room = argc + 62;
	bool operands = false;
	args[n++] = "kill";
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '%') {
			operands |= argv[i][0] != '-';
			args[n++] = argv[i];
			continue;
		}
		int id = job_arg("kill", argv[i]);
		if (id < 0)
			return 1;
		if (!operands && job_control)
			args[n++] = "--";
		operands = true;
		n += job_kill_args(id, args + n, room - n);
	}
	args[n] = NULL;
	return run_argv(args);
}

static int b_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	printf("pagoda's shell, /bin/sh (docs/shell.md).\n"
	       "  cmd args <in >out >>out 2>err 2>&1 <<EOF   cmd | cmd | ...\n"
	       "  a; b   a && b   a || b   ! a   cmd &   (list)   $(list)   # comment\n"
	       "  if a; then b; elif c; then d; else e; fi   { a; b; }   *.c ?x [a-z]*\n"
	       "  while a; do b; done   until a; do b; done   for x in w1 w2; do a; done\n"
	       "  case $x in a*|b) c;; *) d;; esac   name() { list; }   return [n]\n"
	       "  'quoted' \"$VAR ${VAR} $? $$ $! $# $1\" \\c ~   NAME=value [cmd]\n"
	       "  $((i + 1))   ${VAR:-default} ${VAR:=value} ${VAR:+alt} ${#VAR} `cmd`\n"
	       "Builtins: cd [dir|-], pwd, echo [-n], export, unset, exit [n],\n"
	       "  exec [cmd] [redirs], jobs [-p], fg [%%n], bg [%%n], wait [pid|%%n],\n"
	       "  kill [-SIG] pid|%%n, . file, test and [ ], true, false, :, help,\n"
	       "  break [n], continue [n], read [-r] [name...], set [-efux] [-- args],\n"
	       "  shift [n], return [n], trap [cmd|''|-] [SIG|EXIT...].\n"
	       "  Programs are found on $PATH (/bin by default). Ctrl-C ends the\n"
	       "  foreground job, Ctrl-Z stops it (fg, bg continue it), Ctrl-D\n"
	       "  leaves. In /bin:\n");
	fflush(stdout);
	char *args[] = { "/bin/help", NULL };
	return run_argv(args);
}

static int b_dot(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "sh: %s: filename argument required\n", argv[0]);
		return 2;
	}
	fflush(stdout);
	return sh_source(argv[1]);
}

static int b_false(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 1;
}

static const struct {
	const char *name;
	builtin_fn fn;
} builtins[] = {
	{ "cd", b_cd }, { "pwd", b_pwd }, { "export", b_export },
	{ "unset", b_export }, { "exit", b_exit }, { "echo", b_echo },
	{ "true", b_true }, { ":", b_true }, { "false", b_false },
	{ "jobs", b_jobs }, { "fg", b_fg }, { "bg", b_fg },
	{ "wait", b_wait }, { "kill", b_kill }, { "help", b_help },
	{ ".", b_dot }, { "source", b_dot }, { "test", b_test },
	{ "[", b_test }, { "break", b_break }, { "continue", b_break },
	{ "read", b_read }, { "return", b_return }, { "set", b_set },
	{ "shift", b_shift }, { "trap", b_trap },
};

builtin_fn builtin_find(const char *name)
{
	if (func_exists(name))
		return func_call;
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}
