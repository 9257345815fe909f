/* user/sh/trap.c: trap, the shell's signal handlers written in shell.
 *
 *   trap 'echo bye' EXIT INT   run the command on exit, on SIGINT
 *   trap '' TERM               ignore SIGTERM (children inherit that)
 *   trap - INT                 back to the default (trap INT, trap 2 too)
 *   trap                       list them, as commands that set them again
 *
 * A caught signal only marks itself pending (the handler may interrupt
 * the shell anywhere, in malloc or in printf); the command runs at the
 * next safe point: when the running command or pipeline has finished
 * (run_tree), or at once if the shell was in the wait builtin, which then
 * returns 128 + the signal, as POSIX says. $? is kept across the command.
 * A child the shell forks starts with the default handling of every
 * caught signal (its parent's commands are not its own) and keeps the
 * ignored ones; exec resets caught ones by itself. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../signame.h"
#include "sh.h"

#define NTRAPS 65  /* 0: EXIT, then signals 1..64 */

static char *action[NTRAPS];  /* NULL: default; "": ignored; else a command */
static volatile sig_atomic_t pending[NTRAPS];
static volatile sig_atomic_t any_pending;

static void on_signal(int sig)
{
	pending[sig] = 1;
	any_pending = 1;
}

/* "EXIT", a signal's name as kill -l has it, or its number. */
static const char *trap_name(int n, char buf[12])
{
	if (n == 0)
		return "EXIT";
	if (n < SIG_NNAMES)
		return sig_names[n];
	snprintf(buf, 12, "%d", n);
	return buf;
}

static int trap_parse(const char *s)
{
	if (strcmp(s, "EXIT") == 0)
		return 0;
	return sig_parse(s);
}

/* Set n's action to a (NULL default, "" ignore, a command) and the
 * signal's handling to match. No SA_RESTART: a wait the shell is in ends
 * with EINTR, so the wait builtin can return at once. */
static void trap_set(int n, const char *a)
{
	free(action[n]);
	action[n] = a ? strdup(a) : NULL;
	if (n == 0)
		return;
	struct sigaction sa = { 0 };
	sa.sa_handler = !a ? SIG_DFL : !*a ? SIG_IGN : on_signal;
	sigaction(n, &sa, NULL);
	pending[n] = 0;
}

/* The word as the list shows it, as dash does: in single quotes, a run
 * of ' inside closed out and put in double quotes ('it'"'"'s'). */
static void print_quoted(const char *s)
{
	putchar('\'');
	while (*s) {
		size_t n = strcspn(s, "'");
		fwrite(s, 1, n, stdout);
		s += n;
		if (!*s)
			break;
		n = strspn(s, "'");
		printf("'\"%.*s\"'", (int)n, s);
		s += n;
	}
	putchar('\'');
}

int b_trap(int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc) {  /* list */
		for (int n = 0; n < NTRAPS; n++) {
			char buf[12];
			if (!action[n])
				continue;
			fputs("trap -- ", stdout);
			print_quoted(action[n]);
			printf(" %s\n", trap_name(n, buf));
		}
		return 0;
	}
	/* One operand, or a number first: each operand is reset. */
	const char *a = argv[i];
	bool reset = i + 1 == argc || strcmp(a, "-") == 0 ||
		     (trap_parse(a) >= 0 && a[0] >= '0' && a[0] <= '9');
	if (strcmp(a, "-") == 0 || i + 1 < argc)
		i++;  /* past the action */
	int status = 0;
	for (; i < argc; i++) {
		int n = trap_parse(argv[i]);
		if (n < 0 || n == SIGKILL || n == SIGSTOP) {
			fprintf(stderr, "sh: trap: %s: %s\n", argv[i],
				n < 0 ? "invalid signal specification" :
					"cannot be trapped");
			status = 1;
			continue;
		}
		trap_set(n, reset ? NULL : a);
	}
	return status;
}

int traps_run_pending(void)
{
	int got = 0;
	while (any_pending) {
		any_pending = 0;
		for (int n = 1; n < NTRAPS; n++) {
			if (!pending[n])
				continue;
			pending[n] = 0;
			got = n;
			if (!action[n] || !*action[n])
				continue;  /* reset or ignored since it came */
			int saved = last_status;
			char *cmd = strdup(action[n]);  /* it may reset itself */
			if (cmd)
				sh_run_string(cmd);
			free(cmd);
			last_status = saved;
		}
	}
	return got;
}

int traps_pending(void)
{
	for (int n = 1; any_pending && n < NTRAPS; n++)
		if (pending[n])
			return n;
	return 0;
}

void traps_run_exit(void)
{
	char *cmd = action[0];
	if (!cmd)
		return;
	action[0] = NULL;  /* once: an exit inside it ends the shell */
	sh_run_string(cmd);
	free(cmd);
}

void traps_in_child(void)
{
	for (int n = 0; n < NTRAPS; n++)
		if (action[n] && *action[n])
			trap_set(n, NULL);
}

bool trap_owns(int sig)
{
	return action[sig] != NULL;
}
