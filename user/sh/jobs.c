/* user/sh/jobs.c: the job table and job control. A job is a pipeline
 * the shell started: its processes, their process group, their states.
 * On a terminal the shell gives the foreground job's group the terminal
 * (tcsetpgrp), so the keyboard's Ctrl-C and Ctrl-Z reach only that job,
 * and takes it back when the job ends or stops; the shell itself ignores
 * those signals. Children are collected with waitpid(-1, WUNTRACED), and
 * what became of background jobs is said before the next prompt, in
 * bash's words: "[1]+  Done                    sleep 1". */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define JOBS_MAX 64

enum { P_RUNNING, P_STOPPED, P_DONE };
struct job {
	int id;              /* 1.., 0 for a free slot */
	pid_t pgid;
	int npids;
	pid_t *pids;         /* malloc'd, as are state, status, text */
	char *state;         /* P_* of each */
	int *status;         /* its wait status once P_DONE */
	char *text;
	bool background;     /* not waited for: report when it ends */
	bool stop_reported;  /* its stop was said: say it once */
	unsigned long touched;  /* last started, stopped, continued: +/- */
};
static struct job jobs[JOBS_MAX];
static unsigned long clock_now;

bool interactive, job_control;

static const int keyboard_signals[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
};
#define NKEYBOARD (int)(sizeof(keyboard_signals) / sizeof(int))

/* A signal the user trapped is the trap's to handle (trap.c): these
 * two leave it alone. */
void jobs_shell_signals(void)
{
	for (int i = 0; i < NKEYBOARD; i++)
		if (!trap_owns(keyboard_signals[i]))
			signal(keyboard_signals[i], SIG_IGN);
}

void jobs_restore_signals(void)
{
	if (!job_control)
		return;  /* it changed none */
	for (int i = 0; i < NKEYBOARD; i++)
		if (!trap_owns(keyboard_signals[i]))
			signal(keyboard_signals[i], SIG_DFL);
}

void jobs_init(void)
{
	if (!interactive)
		return;
	jobs_shell_signals();
	ioctl(0, TIOCSCTTY, 0);  /* a session leader without one takes it */
	setpgid(0, 0);           /* fails for a session leader: it leads one */
	job_control = tcsetpgrp(0, getpgrp()) == 0;
	if (!job_control)
		for (int i = 0; i < NKEYBOARD; i++)
			signal(keyboard_signals[i], SIG_DFL);
}

static struct job *job_by_id(int id)
{
	for (int i = 0; i < JOBS_MAX; i++)
		if (id > 0 && jobs[i].id == id)
			return &jobs[i];
	return NULL;
}

static void job_free(struct job *j)
{
	free(j->pids);
	free(j->state);
	free(j->status);
	free(j->text);
	memset(j, 0, sizeof(*j));
}

void jobs_forget(void)
{
	for (int i = 0; i < JOBS_MAX; i++)
		if (jobs[i].id)
			job_free(&jobs[i]);
}

static bool job_all(const struct job *j, int state)
{
	for (int i = 0; i < j->npids; i++)
		if (j->state[i] != state)
			return false;
	return true;
}

static bool job_any(const struct job *j, int state)
{
	for (int i = 0; i < j->npids; i++)
		if (j->state[i] == state)
			return true;
	return false;
}

int job_add(pid_t pgid, const pid_t *pids, int npids, const char *text,
	    bool background)
{
	int id = 1, slot = -1;
	for (int i = 0; i < JOBS_MAX; i++) {
		if (jobs[i].id >= id)
			id = jobs[i].id + 1;
		if (!jobs[i].id && slot < 0)
			slot = i;
	}
	if (slot < 0) {  /* full: forget the oldest finished one */
		for (int i = 0; i < JOBS_MAX && slot < 0; i++)
			if (job_all(&jobs[i], P_DONE))
				slot = i;
		if (slot < 0)
			slot = 0;  /* still running: it stays unreported */
		job_free(&jobs[slot]);
	}
	struct job *j = &jobs[slot];
	j->id = id;
	j->pgid = pgid;
	j->npids = npids;
	j->pids = malloc(npids * sizeof(pid_t));
	j->state = calloc(npids, 1);
	j->status = calloc(npids, sizeof(int));
	j->text = strdup(text ? text : "");
	if (!j->pids || !j->state || !j->status || !j->text) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
	memcpy(j->pids, pids, npids * sizeof(pid_t));
	j->background = background;
	j->touched = ++clock_now;
	return id;
}

/* Note what waitpid said of pid. */
static void record(pid_t pid, int status)
{
	for (int i = 0; i < JOBS_MAX; i++) {
		for (int k = 0; jobs[i].id && k < jobs[i].npids; k++) {
			if (jobs[i].pids[k] != pid)
				continue;
			if (WIFSTOPPED(status)) {
				jobs[i].state[k] = P_STOPPED;
				jobs[i].touched = ++clock_now;
			} else {
				jobs[i].state[k] = P_DONE;
				jobs[i].status[k] = status;
			}
			return;
		}
	}
	/* not ours (an orphan given to the shell run as init): reaped */
}

/* Collect one child's change. Returns false when there is none (yet). */
static bool reap(bool block)
{
	int status;
	pid_t pid = waitpid(-1, &status, WUNTRACED | (block ? 0 : WNOHANG));
	if (pid > 0)
		record(pid, status);
	else if (pid < 0 && errno == ECHILD)  /* none left: all are done */
		for (int i = 0; i < JOBS_MAX; i++)
			for (int k = 0; jobs[i].id && k < jobs[i].npids; k++)
				jobs[i].state[k] = P_DONE;
	return pid > 0 || (pid < 0 && errno == EINTR);
}

/* The current (+) and previous (-) jobs: the latest touched, stopped
 * ones first, as bash picks them. */
static void marks(int *cur, int *prev)
{
	*cur = *prev = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (;;) {
			struct job *best = NULL;
			for (int i = 0; i < JOBS_MAX; i++) {
				struct job *j = &jobs[i];
				if (!j->id || j->id == *cur || j->id == *prev)
					continue;
				if (pass == 0 && !job_any(j, P_STOPPED))
					continue;
				if (!best || j->touched > best->touched)
					best = j;
			}
			if (!best || (*cur && *prev))
				break;
			*(*cur ? prev : cur) = best->id;
		}
	}
}

static char mark(int id)
{
	int cur, prev;
	marks(&cur, &prev);
	return id == cur ? '+' : id == prev ? '-' : ' ';
}

/* What bash calls a death by signal sig. */
static const char *signal_text(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
		[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
		[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
		[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
		[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
		[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
		[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	};
	static char buf[32];
	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[sig])
		return names[sig];
	snprintf(buf, sizeof(buf), "Signal %d", sig);
	return buf;
}

/* $? of a job: its last process's exit status, or 128 + signal. */
static int job_status(const struct job *j)
{
	int st = j->status[j->npids - 1];
	if (j->state[j->npids - 1] == P_STOPPED)
		return 128 + SIGTSTP;
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* One line of `jobs` and of the reports: "[1]+  Running    sleep 9 &". */
static void job_print(FILE *f, const struct job *j)
{
	char state[32];
	int st = j->status[j->npids - 1];
	if (job_any(j, P_STOPPED))
		snprintf(state, sizeof(state), "Stopped");
	else if (!job_all(j, P_DONE))
		snprintf(state, sizeof(state), "Running");
	else if (WIFSIGNALED(st))
		snprintf(state, sizeof(state), "%s", signal_text(WTERMSIG(st)));
	else if (WEXITSTATUS(st))
		snprintf(state, sizeof(state), "Exit %d", WEXITSTATUS(st));
	else
		snprintf(state, sizeof(state), "Done");
	bool running = !job_any(j, P_STOPPED) && !job_all(j, P_DONE);
	fprintf(f, "[%d]%c  %-24s%s%s\n", j->id, mark(j->id), state, j->text,
		running ? " &" : "");
	fflush(f);
}

int job_wait_fg(int id)
{
	struct job *j = job_by_id(id);
	if (!j)
		return 127;
	j->background = false;
	while (job_any(j, P_RUNNING) && !job_any(j, P_STOPPED))
		reap(true);
	if (job_control)
		tcsetpgrp(0, getpgrp());
	int status = job_status(j);
	if (job_any(j, P_STOPPED)) {
		j->background = true;
		j->stop_reported = true;
		fputs("\n", stderr);
		job_print(stderr, j);
		return status;
	}
	int st = j->status[j->npids - 1];
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT && interactive)
		interrupted = true;  /* as bash: Ctrl-C ends the loop too */
	if (WIFSIGNALED(st) && WTERMSIG(st) != SIGPIPE)
		fprintf(stderr, "%s\n", WTERMSIG(st) == SIGINT ? "" :
					 signal_text(WTERMSIG(st)));
	job_free(j);
	return status;
}

void jobs_notify(void)
{
	while (reap(false))
		;
	for (int i = 0; i < JOBS_MAX; i++) {
		struct job *j = &jobs[i];
		if (!j->id || !j->background)
			continue;
		if (job_all(j, P_DONE)) {
			if (interactive)
				job_print(stderr, j);
			job_free(j);
		} else if (job_any(j, P_STOPPED) && !j->stop_reported) {
			if (interactive)  /* a background job read the terminal */
				job_print(stderr, j);
			j->stop_reported = true;
		}
	}
}

void jobs_list(bool pids_only)
{
	while (reap(false))
		;
	for (int i = 0; i < JOBS_MAX; i++) {
		struct job *j = &jobs[i];
		if (!j->id)
			continue;
		if (pids_only)
			printf("%d\n", (int)j->pgid);
		else
			job_print(stdout, j);
		if (job_all(j, P_DONE))
			job_free(j);
	}
}

int job_find(const char *spec)
{
	int cur, prev;
	marks(&cur, &prev);
	if (spec[0] != '%')
		return -1;
	spec++;
	if (!*spec || strcmp(spec, "%") == 0 || strcmp(spec, "+") == 0)
		return cur ? cur : -1;
	if (strcmp(spec, "-") == 0)
		return prev ? prev : -1;
	if (*spec >= '0' && *spec <= '9')
		return job_by_id(atoi(spec)) ? atoi(spec) : -1;
	for (int i = 0; i < JOBS_MAX; i++)  /* %name: the job starting so */
		if (jobs[i].id &&
		    strncmp(jobs[i].text, spec, strlen(spec)) == 0)
			return jobs[i].id;
	return -1;
}

/* Send SIGCONT to j's group (or each process, without job control). */
static void job_continue(struct job *j)
{
	for (int k = 0; k < j->npids; k++)
		if (j->state[k] == P_STOPPED)
			j->state[k] = P_RUNNING;
	j->touched = ++clock_now;
	j->stop_reported = false;
	if (job_control)
		kill(-j->pgid, SIGCONT);
	else
		for (int k = 0; k < j->npids; k++)
			kill(j->pids[k], SIGCONT);
}

int job_fg(int id)
{
	struct job *j = job_by_id(id);
	printf("%s\n", j->text);
	fflush(stdout);
	if (job_control)
		tcsetpgrp(0, j->pgid);
	job_continue(j);
	return job_wait_fg(id);
}

int job_bg(int id)
{
	struct job *j = job_by_id(id);
	j->background = true;
	job_continue(j);
	printf("[%d]%c %s &\n", j->id, mark(j->id), j->text);
	return 0;
}

static bool wait_trapped;  /* the last job_wait ended for a trap */

int job_wait(int id)
{
	struct job *j = job_by_id(id);
	wait_trapped = false;
	while (!job_all(j, P_DONE) && !job_any(j, P_STOPPED)) {
		/* POSIX: a trapped signal ends the wait builtin at once, its
		 * trap runs, and wait's status is 128 + the signal. (One that
		 * comes between this check and waitpid waits for the child.) */
		int sig = traps_pending();
		if (sig) {  /* as dash: the trap already sees wait's $? */
			wait_trapped = true;
			last_status = 128 + sig;
			traps_run_pending();
			return 128 + sig;
		}
		reap(true);
	}
	int status = job_status(j);
	if (job_all(j, P_DONE)) {
		/* As bash: a job wait collects dead of a signal is reported
		 * ("[1]+  Terminated  sleep 50"), at a terminal only. */
		if (interactive && WIFSIGNALED(j->status[j->npids - 1]))
			job_print(stderr, j);
		job_free(j);
	}
	return status;
}

int job_wait_pid(pid_t pid)
{
	for (int i = 0; i < JOBS_MAX; i++)
		for (int k = 0; jobs[i].id && k < jobs[i].npids; k++)
			if (jobs[i].pids[k] == pid)
				return job_wait(jobs[i].id);
	fprintf(stderr, "sh: wait: pid %d is not a child of this shell\n",
		(int)pid);
	return 127;
}

int jobs_wait_all(void)
{
	for (int i = 0; i < JOBS_MAX; i++) {
		if (jobs[i].id && !job_any(&jobs[i], P_STOPPED)) {
			int status = job_wait(jobs[i].id);
			if (wait_trapped)
				return status;
		}
	}
	return 0;
}

int job_kill_args(int id, char **out, int n)
{
	struct job *j = job_by_id(id);
	int k = 0;
	if (job_control && n > 0) {
		out[k] = sh_alloc(16);
		snprintf(out[k++], 16, "-%d", (int)j->pgid);
		return k;
	}
	for (int i = 0; i < j->npids && k < n; i++) {
		if (j->state[i] == P_DONE)
			continue;
		out[k] = sh_alloc(16);
		snprintf(out[k++], 16, "%d", (int)j->pids[i]);
	}
	return k;
}
