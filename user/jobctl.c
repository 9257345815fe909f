/* user/jobctl.c: the terminal as job control sees it: the controlling
 * terminal, the foreground group, SIGTTIN for a background reader, the
 * termios settings, and a console read that a signal interrupts (EINTR)
 * or that SA_RESTART restarts. On pagoda stdin is the console; on a host
 * (tools/check-user-on-host) it is not a terminal, and the program checks
 * that the terminal calls say ENOTTY there, as Linux does.
 * Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "ktap.h"

static volatile int calls;
static bool tty;  /* stdin is a terminal (the console) */

static bool fail(const char *why)
{
	note("%s (errno %d)", why, errno);
	return false;
}

static bool not_a_terminal_is_enotty(void)
{
	struct termios t;
	if (tty) {
		note("stdin is a terminal: checked by the other cases");
		return true;
	}
	bool ok = true;
	if (tcgetattr(0, &t) != -1 || errno != ENOTTY)
		ok = fail("tcgetattr on a non-terminal was not ENOTTY");
	if (tcgetpgrp(0) != -1 || errno != ENOTTY)
		ok = fail("tcgetpgrp on a non-terminal was not ENOTTY");
	return ok;
}

static bool console_becomes_the_controlling_terminal(void)
{
	if (!tty)
		return true;
	bool ok = true;
	if (tcgetpgrp(0) != -1 || errno != ENOTTY)
		ok = fail("tcgetpgrp before TIOCSCTTY was not ENOTTY");
	if (ioctl(0, TIOCSCTTY, 0) != 0)
		return fail("TIOCSCTTY by a session leader");
	if (tcgetpgrp(0) != getpgrp())
		ok = fail("the leader's group is not in the foreground");
	if (tcsetpgrp(0, 0x3ffffff0) != -1 || errno != ESRCH)
		ok = fail("tcsetpgrp to no group was not ESRCH");
	return ok;
}

static bool background_reader_gets_sigttin(void)
{
	if (!tty)
		return true;
	bool ok = true;
	int st;
	char c;
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);  /* a background group of the session */
		read(0, &c, 1);
		_exit(1);       /* never: SIGTTIN stops it */
	}
	setpgid(pid, pid);
	if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st) ||
	    WSTOPSIG(st) != SIGTTIN)
		ok = fail("a background reader was not stopped by SIGTTIN");
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGTTIN, SIG_IGN);  /* then the read fails with EIO */
		_exit(read(0, &c, 1) == -1 && errno == EIO ? 0 : 1);
	}
	setpgid(pid, pid);
	if (waitpid(pid, &st, 0) != pid || st != 0)
		ok = fail("a background reader ignoring SIGTTIN did not get EIO");
	return ok;
}

static bool termios_defaults_and_vmin_vtime(void)
{
	if (!tty)
		return true;
	bool ok = true;
	struct termios t, raw;
	char c;
	if (tcgetattr(0, &t))
		return fail("tcgetattr");
	if (!(t.c_lflag & ICANON) || !(t.c_lflag & ECHO) || !(t.c_lflag & ISIG) ||
	    t.c_cc[VINTR] != 3 || t.c_cc[VSUSP] != 0x1a || !(t.c_oflag & ONLCR))
		ok = fail("not Linux's default settings");
	raw = t;
	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSAFLUSH, &raw);
	if (read(0, &c, 1) != 0)
		ok = fail("VMIN 0, VTIME 0: the read did not return 0 at once");
	struct termios now;
	tcgetattr(0, &now);
	if (now.c_lflag & (ICANON | ECHO | ISIG))
		ok = fail("TCSETSF did not take the raw settings");
	tcsetattr(0, TCSANOW, &t);
	return ok;
}

static void count(int sig)
{
	(void)sig;
	calls++;
}

/* A read of the console in raw mode that waits VTIME = 0.3 s, with
 * SIGALRM 50 ms into it: EINTR, or with SA_RESTART a read that starts
 * again and returns 0 when its time is up. */
static bool console_read_eintr_or_restart(int flags)
{
	if (!tty)
		return true;
	struct termios t, raw;
	struct sigaction sa;
	char c;
	long timer[4] = { 0, 0, 0, 50000 };  /* itimerval: 50 ms, once */
	tcgetattr(0, &t);
	raw = t;
	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 3;
	tcsetattr(0, TCSAFLUSH, &raw);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
	calls = 0;
	syscall(104, 0, timer, NULL);
	ssize_t r = read(0, &c, 1);
	int err = errno;
	tcsetattr(0, TCSANOW, &t);
	signal(SIGALRM, SIG_DFL);
	if (calls != 1)
		return fail("SIGALRM was not handled once");
	if (flags & SA_RESTART)
		return r == 0 || fail("the read was not restarted");
	errno = err;
	return (r == -1 && err == EINTR) || fail("the read was not EINTR");
}

static bool console_read_eintr_without_sa_restart(void)
{
	return console_read_eintr_or_restart(0);
}

static bool console_read_restarts_with_sa_restart(void)
{
	return console_read_eintr_or_restart(SA_RESTART);
}

static bool giving_the_terminal_up(void)
{
	if (!tty)
		return true;
	/* As on Linux, the leader giving it up hangs up the foreground
	 * group: its own. */
	signal(SIGHUP, SIG_IGN);
	if (ioctl(0, TIOCNOTTY) != 0)
		return fail("TIOCNOTTY");
	return (tcgetpgrp(0) == -1 && errno == ENOTTY) ||
	       fail("still the controlling terminal after TIOCNOTTY");
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "jobctl.not_a_terminal_is_enotty", not_a_terminal_is_enotty },
		{ "jobctl.console_becomes_the_controlling_terminal", console_becomes_the_controlling_terminal },
		{ "jobctl.background_reader_gets_sigttin", background_reader_gets_sigttin },
		{ "jobctl.termios_defaults_and_vmin_vtime", termios_defaults_and_vmin_vtime },
		{ "jobctl.console_read_eintr_without_sa_restart", console_read_eintr_without_sa_restart },
		{ "jobctl.console_read_restarts_with_sa_restart", console_read_restarts_with_sa_restart },
		{ "jobctl.giving_the_terminal_up", giving_the_terminal_up },
	};
	tty = isatty(0);
	return ktap_run(cases, KTAP_COUNT(cases));
}
