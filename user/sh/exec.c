/* user/sh/exec.c: running the tree. `a && b`, `a || b` and `a; b` are
 * walked here in the shell; each pipeline becomes one job: a process per
 * command, forked in order, joined by pipes, in a process group of its
 * own when the shell does job control (jobs.c). A builtin alone runs in
 * the shell itself, its redirections undone afterwards; in a pipeline it
 * runs in a child like any command. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* In a save array: a redirection never made (an earlier one failed). */
#define SAVE_UNTOUCHED (-2)

int last_status;
pid_t last_bg_pid;
pid_t shell_pid;

/* fd as a number ("2"), or -1. */
static int fd_number(const char *s)
{
	if (!*s || s[strspn(s, "0123456789")] || strlen(s) > 4)
		return -1;
	return atoi(s);
}

/* Make fd refer to what r names. 0, or -1 after a message. */
static int redirect(struct redir *r)
{
	static const int flags[] = {
		[R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
	};
	if (r->type == R_HEREDOC) {
		int fd = heredoc_open(r);
		if (fd < 0)
			return -1;
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
		return 0;
	}
	char *target = expand_one(r->word);
	if (r->type == R_DUP_OUT || r->type == R_DUP_IN) {
		if (strcmp(target, "-") == 0) {
			close(r->fd);
			return 0;
		}
		int from = fd_number(target);
		if (from < 0) {
			fprintf(stderr, "sh: %s: ambiguous redirect\n", target);
			return -1;
		}
		if (from != r->fd && dup2(from, r->fd) < 0) {
			fprintf(stderr, "sh: %d: %s\n", from, strerror(errno));
			return -1;
		}
		return 0;
	}
	int fd = open(target, flags[r->type], 0666);
	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", target, strerror(errno));
		return -1;
	}
	if (fd != r->fd) {
		dup2(fd, r->fd);
		close(fd);
	}
	return 0;
}

int apply_redirs(struct redir *r, int *save)
{
	for (int i = 0; r; r = r->next, i++) {
		if (save)  /* a copy out of the way, not inherited */
			save[i] = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
		if (redirect(r) < 0)
			return -1;
	}
	return 0;
}

/* Put back what apply_redirs changed, the last one first. */
void undo_redirs(struct redir *r, int *save)
{
	int n = 0, fds[64];
	for (; r && n < 64; r = r->next)
		fds[n++] = r->fd;
	while (n-- > 0) {
		if (save[n] == SAVE_UNTOUCHED)  /* after a failed one */
			continue;
		if (save[n] >= 0) {
			dup2(save[n], fds[n]);
			close(save[n]);
		} else {
			close(fds[n]);
		}
	}
}

void exec_path(char **argv, char **envp)
{
	char path[1024];
	int err = ENOENT;
	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, envp);
		err = errno;
		snprintf(path, sizeof(path), "%s", argv[0]);
	} else {
		const char *dirs = var_get("PATH");
		if (!dirs)
			dirs = "/bin";
		for (const char *d = dirs;; d++) {
			size_t n = strcspn(d, ":");
			snprintf(path, sizeof(path), "%.*s%s%s", (int)n, d,
				 n ? "/" : "", argv[0]);
			execve(path, argv, envp);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
			if (err != ENOENT)
				break;
			d += n;
			if (!*d)
				break;
		}
	}
	if (err == ENOEXEC) {  /* no ELF: a script for the shell */
		int n = 0;
		while (argv[n])
			n++;
		char **args = malloc((n + 2) * sizeof(char *));
		if (args) {
			args[0] = "sh";
			args[1] = path;
			memcpy(args + 2, argv + 1, n * sizeof(char *));
			execve("/bin/sh", args, envp);
		}
	}
	errno = err;
}

void fatal_exec_error(const char *name)
{
	int err = errno;
	if (err == ENOENT && !strchr(name, '/'))
		fprintf(stderr, "sh: %s: command not found\n", name);
	else
		fprintf(stderr, "sh: %s: %s\n", name, strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

/* Expand the assignments of c into NAME=value strings. */
static char **expand_assigns(struct cmd *c)
{
	char **v = sh_alloc((c->nassigns + 1) * sizeof(char *));
	for (int i = 0; i < c->nassigns; i++) {
		char *eq = strchr(c->assigns[i], '=');
		char *value = expand_one(eq + 1);
		size_t n = eq - c->assigns[i] + 1;
		v[i] = sh_alloc(n + strlen(value) + 1);
		memcpy(v[i], c->assigns[i], n);
		strcpy(v[i] + n, value);
	}
	return v;
}

void run_in_child(struct cmd *c)
{
	if (c->sub) {  /* ( list ), or if/while/for in a pipeline */
		if (apply_redirs(c->redirs, NULL) < 0)
			_exit(1);
		jobs_restore_signals();
		interactive = job_control = false;
		jobs_forget();
		sh_exit(run_tree(c->sub));
	}
	char **argv;
	int argc = expand_words(c->words, c->nwords, &argv);
	char **assigns = expand_assigns(c);
	if (apply_redirs(c->redirs, NULL) < 0)
		_exit(1);
	if (argc == 0)
		_exit(0);
	xtrace(argc, argv);
	builtin_fn b = builtin_find(argv[0]);
	if (b) {
		int st = b(argc, argv);
		fflush(stdout);
		_exit(st);
	}
	exec_path(argv, vars_environ(assigns, c->nassigns));
	fatal_exec_error(argv[0]);
}

int run_argv(char **argv)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return 126;
	}
	if (pid == 0) {
		jobs_restore_signals();
		traps_in_child();
		exec_path(argv, vars_environ(NULL, 0));
		fatal_exec_error(argv[0]);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) :
				   128 + WTERMSIG(status);
}

/* `exec`: with a command, become it; with only redirections, make them
 * the shell's own for good. */
static int exec_builtin(struct cmd *c, int argc, char **argv, char **assigns)
{
	if (apply_redirs(c->redirs, NULL) < 0)
		return 1;
	if (argc == 1)
		return 0;
	fflush(stdout);
	jobs_restore_signals();
	exec_path(argv + 1, vars_environ(assigns, c->nassigns));
	int err = errno;
	if (!interactive)
		fatal_exec_error(argv[1]);
	jobs_shell_signals();
	fprintf(stderr, "sh: exec: %s: %s\n", argv[1],
		err == ENOENT ? "not found" : strerror(err));
	return err == ENOENT ? 127 : 126;
}

/* Room for apply_redirs() to save what each of r's redirections
 * replaces, every slot untouched so far. */
static int *redir_save_slots(struct redir *r)
{
	int nr = 0;
	for (struct redir *q = r; q; q = q->next)
		nr++;
	int *save = sh_alloc((nr + 1) * sizeof(int));
	for (int i = 0; i < nr; i++)
		save[i] = SAVE_UNTOUCHED;
	return save;
}

/* A compound command alone: its redirections for the shell while it
 * runs, then undone. */
static bool run_compound(struct cmd *c, int *status)
{
	int *save = redir_save_slots(c->redirs);
	if (apply_redirs(c->redirs, save) < 0)
		*status = 1;
	else
		*status = run_tree(c->sub);
	fflush(stdout);
	undo_redirs(c->redirs, save);
	return true;
}

/* A lone command that needs no process: assignments, a builtin, exec.
 * Returns true (and sets *status) if it ran here. */
static bool run_here(struct cmd *c, int *status)
{
	if (c->fname) {
		func_define(c->fname, c->fbody);
		*status = 0;
		return true;
	}
	if (c->subshell)
		return false;
	if (c->sub)  /* if, while, for, { }: in the shell, redirected */
		return run_compound(c, status);
	char **argv;
	subst_status = -1;
	int argc = expand_words(c->words, c->nwords, &argv);
	builtin_fn b = argc ? builtin_find(argv[0]) : NULL;
	bool is_exec = argc && strcmp(argv[0], "exec") == 0;
	if (argc && !b && !is_exec)
		return false;
	char **assigns = expand_assigns(c);
	if (is_exec) {
		*status = exec_builtin(c, argc, argv, assigns);
		return true;
	}
	int *save = redir_save_slots(c->redirs);
	if (apply_redirs(c->redirs, save) < 0) {
		*status = 1;
	} else if (b) {
		xtrace(argc, argv);
		*status = b(argc, argv);
	} else {  /* NAME=value ... alone: shell variables */
		xtrace(c->nassigns, assigns);
		for (int i = 0; i < c->nassigns; i++) {
			char *eq = strchr(assigns[i], '=');
			*eq = '\0';
			var_set(assigns[i], eq + 1, false);
		}
		*status = subst_status >= 0 ? subst_status : 0;
	}
	fflush(stdout);
	fflush(stderr);
	undo_redirs(c->redirs, save);
	return true;
}

/* In the child of command i of a job with group pgid (0: its own). */
static void child_setup(pid_t pgid, bool bg, int in, int out, int spare)
{
	if (job_control) {
		setpgid(0, pgid);
		if (!bg)  /* before SIGTTOU is back at its default */
			tcsetpgrp(0, pgid ? pgid : getpid());
	}
	jobs_restore_signals();
	traps_in_child();
	if (bg && !job_control) {  /* POSIX: as if from /dev/null, no ^C */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		if (in < 0) {
			int null = open("/dev/null", O_RDONLY);
			if (null >= 0 && null != 0) {
				dup2(null, 0);
				close(null);
			}
		}
	}
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	if (out >= 0) {
		dup2(out, 1);
		close(out);
	}
	if (spare >= 0)
		close(spare);
}

/* Start each command of pipeline n, then wait for it (or not, bg). */
static int run_pipeline(struct node *n, bool bg)
{
	int status;
	if (n->ncmds == 1 && !bg && run_here(n->cmds[0], &status))
		return n->negate ? !status : status;
	pid_t *pids = sh_alloc(n->ncmds * sizeof(pid_t));
	pid_t pgid = 0;
	int in = -1;
	fflush(stdout);
	for (int i = 0; i < n->ncmds; i++) {
		int p[2] = { -1, -1 };
		if (i + 1 < n->ncmds && pipe(p) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pid_t pid = fork();
		if (pid == 0) {
			child_setup(pgid, bg, in, p[1], p[0]);
			run_in_child(n->cmds[i]);
		}
		if (pid < 0) {
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
			close(p[0]);
			close(p[1]);
			break;
		}
		if (!pgid)
			pgid = pid;
		if (job_control)  /* both sides set it: either may run first */
			setpgid(pid, pgid);
		pids[i] = pid;
		if (in >= 0)
			close(in);
		close(p[1]);
		in = p[0];
	}
	if (in >= 0)
		close(in);
	int started = 0;
	while (started < n->ncmds && pids[started])
		started++;
	if (!started)
		return 126;
	if (job_control && !bg)
		tcsetpgrp(0, pgid);
	int id = job_add(pgid, pids, started, n->text, bg);
	if (bg) {
		last_bg_pid = pids[started - 1];
		if (interactive)
			fprintf(stderr, "[%d] %d\n", id, (int)last_bg_pid);
		return 0;
	}
	status = job_wait_fg(id);
	return n->negate ? !status : status;
}

/* Anything else in the background: a subshell (a process of its own,
 * in its own group) runs it. */
static int run_background(struct node *n)
{
	if (n->type == N_PIPE)
		return run_pipeline(n, true);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return 126;
	}
	if (pid == 0) {
		child_setup(0, true, -1, -1, -1);
		interactive = job_control = false;
		jobs_forget();
		sh_exit(run_tree(n));
	}
	if (job_control)
		setpgid(pid, pid);
	int id = job_add(pid, &pid, 1, n->text, true);
	last_bg_pid = pid;
	if (interactive)
		fprintf(stderr, "[%d] %d\n", id, (int)pid);
	return 0;
}

bool interrupted;

int run_tree(struct node *n)
{
	if (!n || loop_break || loop_continue || func_returning)  /* unwinding
		to a loop or to a function's call */
		return last_status;
	switch (n->type) {
	case N_IF:
		cond_depth++;
		int cond = run_tree(n->cond);
		cond_depth--;
		if (cond == 0)
			last_status = run_tree(n->left);
		else
			last_status = n->right ? run_tree(n->right) : 0;
		break;
	case N_WHILE:
	case N_UNTIL:
		last_status = run_loop(n);
		break;
	case N_FOR:
		last_status = run_for(n);
		break;
	case N_GROUP:
		last_status = run_tree(n->left);
		break;
	case N_CASE:
		last_status = run_case(n);
		break;
	case N_SEQ:
		last_status = run_tree(n->left);
		if (n->right)
			last_status = run_tree(n->right);
		break;
	case N_AND:
	case N_OR:
		cond_depth++;
		last_status = run_tree(n->left);
		cond_depth--;
		if ((last_status == 0) == (n->type == N_AND))
			last_status = run_tree(n->right);
		break;
	case N_BG:
		last_status = run_background(n->left);
		traps_run_pending();
		break;
	case N_PIPE:
		last_status = run_pipeline(n, false);
		traps_run_pending();  /* signals that came while it ran */
		if (!n->negate)
			errexit_check(last_status);
		break;
	}
	return last_status;
}
