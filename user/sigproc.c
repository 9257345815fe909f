/* user/sigproc.c: signals between processes, checked against Linux (the
 * same binary runs there through tools/check-user-on-host): default
 * actions and their wait statuses (core bit included), stop and continue
 * seen by wait4, SIGCHLD with SA_NOCLDWAIT, EINTR or a restart of a
 * wait4 a signal interrupts, process groups and sessions.
 * Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"
#include "sigutil.h"

static volatile int calls, got_pid, got_code, got_status, got_uid;
static bool on_pagoda;

static void record(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	calls++;
	got_pid = si->si_pid;
	got_uid = (int)si->si_uid;
	got_code = si->si_code;
	got_status = si->si_status;
}

/* Give the other processes a turn, several times over. */
static void let_others_run(void)
{
	for (int i = 0; i < 200; i++)
		sched_yield();
}

/* Waits (a bounded while) until process pid sleeps in the kernel, as
 * /proc/PID/stat's state says: a child signalling its parent "while it
 * waits" must not race ahead of the parent on a busy machine. */
static void wait_until_sleeping(pid_t pid)
{
	char path[32], buf[128];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (int tries = 0; tries < 20000; tries++) {
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			return;
		ssize_t n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		const char *paren = strrchr(buf, ')');
		if (paren && paren[1] == ' ' && paren[2] == 'S')
			return;
		sched_yield();
	}
}

/* A child that dies of sig (raised, or a null write for SIGSEGV). */
static pid_t child_dying_of(int sig)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		/* The default action is what is tested: set it, since whoever
		 * started us may have left sig ignored or blocked (a shell
		 * ignores SIGQUIT for a background job). */
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		signal(sig, SIG_DFL);
		volatile int *volatile null = 0;
		if (sig == SIGSEGV)
			*null = 1;
		raise(sig);
		_exit(sig == SIGCHLD || sig == SIGCONT ? 3 : 100);
	}
	return pid;
}

static bool default_actions_give_linux_statuses(void)
{
	static const struct { int sig, core, exited; } want[] = {
		{ SIGTERM, 0, 0 }, { SIGUSR2, 0, 0 }, { SIGQUIT, 1, 0 },
		{ SIGABRT, 1, 0 }, { SIGSEGV, 1, 0 }, { SIGCHLD, 0, 1 },
		{ SIGCONT, 0, 1 },
	};
	bool ok = true;
	for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int st = 0, sig = want[i].sig;
		pid_t pid = child_dying_of(sig);
		if (waitpid(pid, &st, 0) != pid)
			return fail("waitpid");
		if (want[i].exited) {
			if (st != W_EXITCODE(3, 0)) {
				note("signal %d: status %#x, want it ignored", sig, st);
				ok = false;
			}
			continue;
		}
		/* Linux sets the core bit only when a core file was written
		 * (RLIMIT_CORE): required on pagoda, allowed on a host. */
		int core = on_pagoda ? (want[i].core ? WCOREFLAG : 0) : (st & WCOREFLAG);
		if (!want[i].core)
			core = 0;
		if (st != (sig | core)) {
			note("signal %d: status %#x, want %#x", sig, st, sig | core);
			ok = false;
		}
	}
	return ok;
}

static bool stop_and_continue_are_reported_to_wait4(void)
{
	bool ok = true;
	int st;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		raise(SIGSTOP);
		for (;;)  /* continued: wait to be told to end */
			pause();
	}
	if (waitpid(pid, &st, WUNTRACED) != pid || st != W_STOPCODE(SIGSTOP))
		ok = fail("stopped child not reported as 0x137f");
	if (waitpid(pid, &st, WNOHANG | WUNTRACED) != 0)
		ok = fail("a stop was reported twice");
	kill(pid, SIGCONT);
	if (waitpid(pid, &st, WCONTINUED) != pid || st != 0xffff)
		ok = fail("continued child not reported as 0xffff");
	kill(pid, SIGTERM);
	if (waitpid(pid, &st, 0) != pid || st != SIGTERM)
		ok = fail("the continued child did not go on to die of SIGTERM");
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGSTOP);
	if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st))
		ok = fail("kill(SIGSTOP) did not stop it");
	kill(pid, SIGKILL);  /* a stopped process dies of SIGKILL */
	if (waitpid(pid, &st, 0) != pid || st != SIGKILL)
		ok = fail("SIGKILL did not end the stopped child");
	return ok;
}

static bool sigchld_with_sa_nocldwait_reaps_children(void)
{
	bool ok = true;
	sigset_t chld, none;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	calls = 0;
	on(SIGCHLD, record, SA_NOCLDWAIT);
	fflush(stdout);
	/* si_uid is the child's real user id: root's child gives itself
	 * another first */
	uid_t uid = getuid() == 0 ? 4321 : getuid();
	pid_t pid = fork();
	if (pid == 0)
		_exit(setuid(uid) == 0 ? 7 : 9);
	while (!calls)
		sigsuspend(&none);
	if (got_pid != pid || got_code != CLD_EXITED || got_status != 7 ||
	    got_uid != (int)uid)
		ok = fail("SIGCHLD info: wrong pid, si_code, si_status or si_uid");
	/* qemu-i386 does not pass SA_NOCLDWAIT to the host kernel. */
	if (getenv("PAGODA_NO_I386_EXECVE"))
		note("under qemu-i386: not checking that SA_NOCLDWAIT reaped it");
	else if (waitpid(-1, NULL, 0) != -1 || errno != ECHILD)
		ok = fail("the child was not reaped automatically");
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	signal(SIGCHLD, SIG_IGN);  /* ignoring SIGCHLD does the same */
	pid = fork();
	if (pid == 0)
		_exit(8);
	if (waitpid(pid, NULL, 0) != -1 || errno != ECHILD)
		ok = fail("with SIGCHLD ignored, wait did not end in ECHILD");
	signal(SIGCHLD, SIG_DFL);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	pid = child_dying_of(SIGTERM);
	if (waitpid(pid, NULL, 0) != pid)
		ok = fail("with SIGCHLD back to SIG_DFL, the child was not waitable");
	return ok;
}

/* wait4 for a child that signals us while we wait: EINTR, or (with
 * SA_RESTART) the wait goes on and returns the child. */
static bool wait4_interrupted(int flags)
{
	int st = 0;
	calls = 0;
	on(SIGUSR1, record, flags);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		wait_until_sleeping(getppid());  /* asleep in waitpid */
		kill(getppid(), SIGUSR1);
		let_others_run();
		_exit(7);
	}
	pid_t r = waitpid(pid, &st, 0);
	bool ok = calls == 1;
	if (flags & SA_RESTART)
		ok = ok && r == pid && st == W_EXITCODE(7, 0);
	else
		ok = ok && r == -1 && errno == EINTR && waitpid(pid, &st, 0) == pid;
	signal(SIGUSR1, SIG_DFL);
	return ok || fail(flags ? "wait4 did not restart" : "wait4 was not EINTR");
}

static bool wait4_eintr_without_sa_restart(void)
{
	return wait4_interrupted(0);
}

static bool wait4_restarts_with_sa_restart(void)
{
	return wait4_interrupted(SA_RESTART);
}

/* A child in its own new group that waits for signals. */
static pid_t child_in_group(pid_t pgid)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, pgid);
		for (;;)
			pause();
	}
	setpgid(pid, pgid ? pgid : pid);  /* both sides, as shells do */
	return pid;
}

static bool kill_reaches_a_process_group(void)
{
	bool ok = true;
	int st;
	pid_t a = child_in_group(0), b = child_in_group(a);
	if (getpgid(a) != a || getpgid(b) != a || getpgid(0) != getpgrp())
		ok = fail("children not in the group they asked for");
	if (getsid(a) != getsid(0))
		ok = fail("a child left the session");
	if (kill(-a, 0) != 0)
		ok = fail("kill(-pgid, 0) did not find the group");
	kill(-a, SIGTERM);
	for (int i = 0; i < 2; i++) {
		pid_t r = waitpid(-a, &st, 0);
		if ((r != a && r != b) || st != SIGTERM)
			ok = fail("a group member did not die of SIGTERM");
	}
	if (kill(-a, 0) != -1 || errno != ESRCH)
		ok = fail("kill to an empty group was not ESRCH");
	if (setpgid(0, -1) != -1 || errno != EINVAL)
		ok = fail("setpgid to -1 was not EINVAL");
	if (setpgid(1, 0) != -1 || errno != ESRCH)
		ok = fail("setpgid of init (not a child) was not ESRCH");
	if (getpgid(0x3ffffff0) != -1 || errno != ESRCH)
		ok = fail("getpgid of no process was not ESRCH");
	return ok;
}

static int new_session(void)
{
	pid_t me = getpid();
	if (setsid() != me || getsid(0) != me || getpgrp() != me)
		return 1;
	if (setsid() != -1 || errno != EPERM)
		return 2;  /* a group leader cannot start another */
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 3;  /* nor can a session leader change group */
	return 0;
}

static bool setsid_makes_a_session_leader(void)
{
	int st;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(new_session());
	if (waitpid(pid, &st, 0) != pid || st != 0) {
		note("child status %#x", st);
		return false;
	}
	return true;
}

/* kill(-1, sig) reaches every process but init and the caller: only on
 * pagoda, where the test's own processes are the only ones. */
static bool kill_minus_one_spares_the_caller(void)
{
	if (!on_pagoda) {
		note("skipped on a host: it would signal every process");
		return true;
	}
	bool ok = true;
	int st;
	pid_t a = child_in_group(0), b = child_in_group(0);
	signal(SIGUSR2, SIG_IGN);  /* we would die if it reached us */
	if (kill(-1, SIGUSR2) != 0)
		ok = fail("kill(-1) found no process");
	signal(SIGUSR2, SIG_DFL);
	for (int i = 0; i < 2; i++) {
		pid_t r = wait(&st);
		if ((r != a && r != b) || st != SIGUSR2)
			ok = fail("a child did not die of kill(-1)");
	}
	return ok;
}

/* A timed futex wait stopped and continued: no handler runs, so it goes
 * on through restart_syscall with the time it had left, and ends in
 * ETIMEDOUT (not EINTR, not ENOSYS). */
static int timed_futex_wait(void)
{
	static int word;
	struct { long sec, nsec; } ts = { 0, 300000000 };
	long r = syscall(240, &word, 0 | 128, 0, &ts);  /* FUTEX_WAIT_PRIVATE */
	return r == -1 && errno == ETIMEDOUT ? 0 : 1 + (errno & 0x7f);
}

static bool stopped_timed_wait_resumes_through_restart_syscall(void)
{
	int st;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(timed_futex_wait());
	let_others_run();  /* it sits in the wait by then */
	kill(pid, SIGSTOP);
	if (waitpid(pid, &st, WUNTRACED) != pid || !WIFSTOPPED(st))
		return fail("not stopped");
	kill(pid, SIGCONT);
	if (waitpid(pid, &st, 0) != pid || st != 0) {
		note("child status %#x (errno + 1 in the code)", st);
		return false;
	}
	return true;
}

/* A fault whose signal is ignored or blocked cannot be: it kills. */
static int fault_with(int how)
{
	volatile int *volatile null = 0;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	if (how)
		sigprocmask(SIG_BLOCK, &set, NULL);
	else
		signal(SIGSEGV, SIG_IGN);
	*null = 1;
	return 0;
}

static bool fault_ignored_or_blocked_still_kills(void)
{
	bool ok = true;
	for (int how = 0; how < 2; how++) {
		int st;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0)
			_exit(fault_with(how));
		waitpid(pid, &st, 0);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV) {
			note("%s SIGSEGV: status %#x", how ? "blocked" : "ignored", st);
			ok = false;
		}
	}
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "sigproc.default_actions_give_linux_statuses", default_actions_give_linux_statuses },
		{ "sigproc.stop_and_continue_are_reported_to_wait4", stop_and_continue_are_reported_to_wait4 },
		{ "sigproc.sigchld_with_sa_nocldwait_reaps_children", sigchld_with_sa_nocldwait_reaps_children },
		{ "sigproc.wait4_eintr_without_sa_restart", wait4_eintr_without_sa_restart },
		{ "sigproc.wait4_restarts_with_sa_restart", wait4_restarts_with_sa_restart },
		{ "sigproc.kill_reaches_a_process_group", kill_reaches_a_process_group },
		{ "sigproc.setsid_makes_a_session_leader", setsid_makes_a_session_leader },
		{ "sigproc.kill_minus_one_spares_the_caller", kill_minus_one_spares_the_caller },
		{ "sigproc.stopped_timed_wait_resumes_through_restart_syscall", stopped_timed_wait_resumes_through_restart_syscall },
		{ "sigproc.fault_ignored_or_blocked_still_kills", fault_ignored_or_blocked_still_kills },
	};
	on_pagoda = getenv("PAGODA_TEST") != NULL;
	return ktap_run(cases, KTAP_COUNT(cases));
}
