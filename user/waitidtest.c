/* user/waitidtest.c: waitid, checked against Linux (the same binary runs
 * there through tools/check-user-on-host): the siginfo it fills for an
 * exit, a kill, a stop and a continue; WNOWAIT leaving the child
 * waitable; WNOHANG with nothing to report; P_PID, P_PGID and P_ALL; the
 * rusage of the raw call, and the usage so far that a stop or continue
 * report carries; and its errors (EINVAL, ECHILD, EBADF, EFAULT).
 * Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

static bool check(bool cond, const char *what)
{
	if (!cond)
		note("%s", what);
	return cond;
}

/* A child that exits with code at once. */
static pid_t child_exiting(int code)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(code);
	return pid;
}

/* A child that waits to be killed. */
static pid_t child_pausing(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

/* The fields waitid writes, as expected. */
static bool info_is(const siginfo_t *si, int code, pid_t pid, int status)
{
	if (si->si_signo == SIGCHLD && si->si_errno == 0 &&
	    si->si_code == code && si->si_pid == pid &&
	    si->si_uid == getuid() && si->si_status == status)
		return true;
	note("siginfo: signo %d errno %d code %d pid %d (want %d) uid %u "
	     "status %d; want code %d status %d", si->si_signo, si->si_errno,
	     si->si_code, si->si_pid, (int)pid, (unsigned)si->si_uid,
	     si->si_status, code, status);
	return false;
}

static bool exit_and_kill_are_told_in_siginfo(void)
{
	siginfo_t si;
	pid_t pid = child_exiting(3);
	bool ok = check(waitid(P_PID, pid, &si, WEXITED) == 0, "waitid exit") &&
		  info_is(&si, CLD_EXITED, pid, 3);
	ok &= check(waitpid(pid, NULL, WNOHANG) == -1 && errno == ECHILD,
		    "the child is reaped");
	pid = child_pausing();
	kill(pid, SIGKILL);
	ok &= check(waitid(P_ALL, 0, &si, WEXITED) == 0, "waitid kill") &&
	      info_is(&si, CLD_KILLED, pid, SIGKILL);
	return ok;
}

static bool wnowait_leaves_the_child_waitable(void)
{
	siginfo_t si;
	int status;
	pid_t pid = child_exiting(5);
	bool ok = check(waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0,
			"waitid WNOWAIT") && info_is(&si, CLD_EXITED, pid, 5);
	memset(&si, 0, sizeof(si));
	ok &= check(waitid(P_ALL, 0, &si, WEXITED | WNOWAIT) == 0,
		    "again, by P_ALL") && info_is(&si, CLD_EXITED, pid, 5);
	ok &= check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 5, "then waitpid reaps it");
	return ok;
}

/* Nothing to report yet: 0, and the fields waitid writes are zeros; the
 * rest of the siginfo is left as it was. */
static bool wnohang_with_nothing_zeroes_the_fields(void)
{
	siginfo_t si;
	memset(&si, 0x5a, sizeof(si));
	pid_t pid = child_pausing();
	bool ok = check(waitid(P_PID, pid, &si, WEXITED | WNOHANG) == 0,
			"waitid WNOHANG");
	ok &= check(si.si_signo == 0 && si.si_errno == 0 && si.si_code == 0 &&
		    si.si_pid == 0 && si.si_uid == 0 && si.si_status == 0,
		    "the six fields are zero");
	ok &= check(((unsigned char *)&si)[24] == 0x5a &&
		    ((unsigned char *)&si)[127] == 0x5a,
		    "the rest is untouched");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return ok;
}

static bool stop_and_continue_with_wstopped_and_wcontinued(void)
{
	siginfo_t si;
	pid_t pid = child_pausing();
	kill(pid, SIGSTOP);
	bool ok = check(waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT) == 0,
			"WSTOPPED WNOWAIT") &&
		  info_is(&si, CLD_STOPPED, pid, SIGSTOP);
	ok &= check(waitid(P_PID, pid, &si, WSTOPPED) == 0, "WSTOPPED") &&
	      info_is(&si, CLD_STOPPED, pid, SIGSTOP);
	/* reported: a second look finds nothing */
	ok &= check(waitid(P_PID, pid, &si, WSTOPPED | WNOHANG) == 0 &&
		    si.si_pid == 0, "the stop was taken");
	kill(pid, SIGCONT);
	ok &= check(waitid(P_PID, pid, &si, WCONTINUED) == 0, "WCONTINUED") &&
	      info_is(&si, CLD_CONTINUED, pid, SIGCONT);
	/* without WEXITED an ended child is no child at all (ECHILD) */
	kill(pid, SIGKILL);
	do  /* until it is a zombie, left waitable */
		sched_yield();
	while (waitid(P_PID, pid, &si, WEXITED | WNOWAIT | WNOHANG) == 0 &&
	       si.si_pid == 0);
	ok &= check(waitid(P_PID, pid, &si, WSTOPPED | WCONTINUED | WNOHANG) ==
		    -1 && errno == ECHILD, "a zombie is no child for WSTOPPED");
	waitpid(pid, NULL, 0);
	return ok;
}

static bool pgid_selects_a_group(void)
{
	siginfo_t si;
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		struct timespec ts = { 0, 20 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		_exit(9);
	}
	setpgid(pid, pid);  /* both sides: either may run first */
	bool ok = check(waitid(P_PGID, 0, &si, WEXITED) == -1 &&
			errno == ECHILD, "P_PGID 0: none in my group");
	ok &= check(waitid(P_PGID, pid, &si, WEXITED) == 0, "P_PGID pid") &&
	      info_is(&si, CLD_EXITED, pid, 9);
	return ok;
}

/* The raw call's fifth argument: the ended child's usage, the same as
 * what it adds to the caller's RUSAGE_CHILDREN (how many faults 64
 * touched pages take is the kernel's business: Linux may map several
 * pages a fault). */
static bool the_raw_call_fills_rusage(void)
{
	siginfo_t si;
	struct rusage ru, before, after;
	memset(&ru, 0xff, sizeof(ru));
	getrusage(RUSAGE_CHILDREN, &before);
	pid_t pid = fork();
	if (pid == 0) {
		static volatile char touch[64 * 4096];  /* volatile: never read */
		for (size_t i = 0; i < sizeof(touch); i += 4096)
			touch[i] = 1;
		_exit(0);
	}
	bool ok = check(syscall(__NR_waitid, P_PID, pid, &si, WEXITED, &ru) == 0,
			"raw waitid") && info_is(&si, CLD_EXITED, pid, 0);
	getrusage(RUSAGE_CHILDREN, &after);
	long added = after.ru_minflt - before.ru_minflt;
	if (ru.ru_minflt != added || ru.ru_minflt <= 0)
		note("ru_minflt %ld, RUSAGE_CHILDREN grew by %ld, utime %ld s",
		     (long)ru.ru_minflt, added, (long)ru.ru_utime.tv_sec);
	return ok && check(ru.ru_minflt > 0 && ru.ru_minflt == added &&
			   ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_sec < 100,
			   "the child's faults");
}

/* A stop or continue report comes with the child's usage so far, its own
 * and its reaped children's (Linux's RUSAGE_BOTH), from wait4 and from
 * the raw waitid: its faults are there already, and never fewer later. */
static bool a_report_carries_the_usage_so_far(void)
{
	siginfo_t si;
	struct rusage stop, cont, end;
	memset(&stop, 0, sizeof(stop));
	memset(&cont, 0, sizeof(cont));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		static volatile char touch[64 * 4096];
		for (size_t i = 0; i < sizeof(touch); i += 4096)
			touch[i] = 1;
		raise(SIGSTOP);
		_exit(0);
	}
	int st = 0;
	bool ok = check(wait4(pid, &st, WUNTRACED, &stop) == pid &&
			WIFSTOPPED(st), "wait4 saw the stop");
	kill(pid, SIGCONT);
	ok &= check(syscall(__NR_waitid, P_PID, pid, &si, WCONTINUED, &cont) ==
		    0 && si.si_code == CLD_CONTINUED, "waitid saw the continue");
	ok &= check(wait4(pid, &st, 0, &end) == pid && st == 0, "it ended");
	if (stop.ru_minflt <= 0 || cont.ru_minflt < stop.ru_minflt ||
	    end.ru_minflt < cont.ru_minflt)
		note("ru_minflt: at the stop %ld, the continue %ld, the end %ld",
		     (long)stop.ru_minflt, (long)cont.ru_minflt,
		     (long)end.ru_minflt);
	return ok && check(stop.ru_minflt > 0 &&
			   cont.ru_minflt >= stop.ru_minflt &&
			   end.ru_minflt >= cont.ru_minflt, "the usage so far");
}

static bool errors_are_linux_errors(void)
{
	siginfo_t si;
	bool ok = true;
	ok &= check(waitid(P_ALL, 0, &si, WEXITED) == -1 && errno == ECHILD,
		    "no child: ECHILD");
	ok &= check(waitid(P_ALL, 0, &si, 0) == -1 && errno == EINVAL,
		    "no event asked for: EINVAL");
	ok &= check(waitid(P_ALL, 0, &si, WEXITED | 0x100) == -1 &&
		    errno == EINVAL, "an unknown option: EINVAL");
	ok &= check(waitid(P_ALL, 0, &si, WNOHANG) == -1 && errno == EINVAL,
		    "WNOHANG alone: EINVAL");
	ok &= check(waitid(P_PID, 0, &si, WEXITED) == -1 && errno == EINVAL,
		    "P_PID 0: EINVAL");
	ok &= check(waitid(P_PGID, (id_t)-1, &si, WEXITED) == -1 &&
		    errno == EINVAL, "P_PGID -1: EINVAL");
	ok &= check(waitid(7, 0, &si, WEXITED) == -1 && errno == EINVAL,
		    "idtype 7: EINVAL");
	ok &= check(waitid(3 /* P_PIDFD */, 99, &si, WEXITED) == -1 &&
		    errno == EBADF, "P_PIDFD, no such fd: EBADF");
	/* an error still zeroes the fields, as on Linux */
	memset(&si, 0x5a, sizeof(si));
	ok &= check(waitid(P_ALL, 0, &si, 0) == -1 && si.si_signo == 0 &&
		    si.si_pid == 0, "EINVAL zeroes the fields");
	/* a bad siginfo: EFAULT, and the child is reaped all the same */
	pid_t pid = child_exiting(1);
	ok &= check(waitid(P_PID, pid, (siginfo_t *)0xc0000000, WEXITED) == -1 &&
		    errno == EFAULT, "a kernel address: EFAULT");
	ok &= check(waitpid(pid, NULL, WNOHANG) == -1 && errno == ECHILD,
		    "the child was reaped");
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "waitid.exit_and_kill_are_told_in_siginfo",
		  exit_and_kill_are_told_in_siginfo },
		{ "waitid.wnowait_leaves_the_child_waitable",
		  wnowait_leaves_the_child_waitable },
		{ "waitid.wnohang_with_nothing_zeroes_the_fields",
		  wnohang_with_nothing_zeroes_the_fields },
		{ "waitid.stop_and_continue_with_wstopped_and_wcontinued",
		  stop_and_continue_with_wstopped_and_wcontinued },
		{ "waitid.pgid_selects_a_group", pgid_selects_a_group },
		{ "waitid.the_raw_call_fills_rusage", the_raw_call_fills_rusage },
		{ "waitid.a_report_carries_the_usage_so_far",
		  a_report_carries_the_usage_so_far },
		{ "waitid.errors_are_linux_errors", errors_are_linux_errors },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
