/* user/sigtest.c: signal handlers as a program sees them, checked against
 * what Linux does (the same binary runs on Linux through
 * tools/check-user-on-host): the mask, sigsuspend, the alternate stack,
 * SA_RESETHAND and SA_NODEFER, queued real-time signals, bad arguments,
 * ITIMER_REAL, the old calls. Faults are user/sigfault.c.
 * Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"
#include "sigutil.h"

static volatile int got_sig, got_code, calls, depth, max_depth;
static volatile int got_onstack, got_blocked;
static char *volatile local_addr;

static void count(int sig)
{
	calls++;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	got_blocked = blocked(sig);
	if (depth == 1 && calls == 1 && got_sig == -1)
		raise(sig);  /* nested only if not blocked (SA_NODEFER) */
	depth--;
}

static void plain(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static bool blocked_signal_waits_for_sigsuspend(void)
{
	bool ok = true;
	sigset_t set, pend, none;
	calls = 0;
	got_sig = 0;
	plain(SIGUSR1, count, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigpending(&pend);
	if (calls != 0 || !sigismember(&pend, SIGUSR1))
		ok = fail("blocked SIGUSR1 was not left pending");
	sigemptyset(&none);
	if (sigsuspend(&none) != -1 || errno != EINTR)
		ok = fail("sigsuspend did not return EINTR");
	sigpending(&pend);
	if (calls != 1 || sigismember(&pend, SIGUSR1))
		ok = fail("the handler did not run once in sigsuspend");
	if (!blocked(SIGUSR1) || !got_blocked)
		ok = fail("mask not restored, or SIGUSR1 not blocked in its handler");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	dfl(SIGUSR1);
	return ok;
}

static void where_am_i(int sig)
{
	(void)sig;
	char here;
	stack_t cur;
	local_addr = &here;
	sigaltstack(NULL, &cur);
	got_onstack = cur.ss_flags & SS_ONSTACK;
	stack_t other = { malloc(MINSIGSTKSZ), 0, MINSIGSTKSZ };
	got_code = sigaltstack(&other, NULL) == -1 ? errno : 0;
	free(other.ss_sp);
}

static bool handler_runs_on_the_alternate_stack(void)
{
	static char alt[SIGSTKSZ];
	bool ok = true;
	stack_t ss = { alt, 0, sizeof(alt) }, cur;
	stack_t small = { alt, 0, MINSIGSTKSZ - 1 }, odd = { alt, 5, sizeof(alt) };
	if (sigaltstack(&small, NULL) != -1 || errno != ENOMEM)
		ok = fail("a stack below MINSIGSTKSZ was not ENOMEM");
	if (sigaltstack(&odd, NULL) != -1 || errno != EINVAL)
		ok = fail("ss_flags 5 was not EINVAL");
	if (sigaltstack(&ss, NULL))
		return fail("sigaltstack");
	plain(SIGUSR2, where_am_i, SA_ONSTACK);
	raise(SIGUSR2);
	if (local_addr < alt || local_addr >= alt + sizeof(alt))
		ok = fail("the handler's locals are not on the alternate stack");
	if (!got_onstack || got_code != EPERM)
		ok = fail("SS_ONSTACK not reported, or changing it there not EPERM");
	sigaltstack(NULL, &cur);
	if (cur.ss_flags != 0 || cur.ss_sp != alt || cur.ss_size != sizeof(alt))
		ok = fail("after the handler: not the same stack, or still on it");
	plain(SIGUSR2, where_am_i, 0);
	raise(SIGUSR2);
	if (local_addr >= alt && local_addr < alt + sizeof(alt))
		ok = fail("without SA_ONSTACK it still used the alternate stack");
	stack_t off = { NULL, SS_DISABLE, 0 };
	sigaltstack(&off, NULL);
	sigaltstack(NULL, &cur);
	if (cur.ss_flags != SS_DISABLE)
		ok = fail("SS_DISABLE did not disable it");
	dfl(SIGUSR2);
	return ok;
}

static bool resethand_and_nodefer(void)
{
	bool ok = true;
	struct sigaction now;
	calls = 0;
	got_sig = 0;
	plain(SIGUSR1, count, SA_RESETHAND);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &now);
	if (calls != 1 || now.sa_handler != SIG_DFL)
		ok = fail("SA_RESETHAND: handler not reset to SIG_DFL");
	calls = max_depth = 0;
	got_sig = -1;  /* count() raises once more from inside */
	plain(SIGUSR1, count, SA_NODEFER);
	raise(SIGUSR1);
	if (calls != 2 || max_depth != 2 || got_blocked)
		ok = fail("SA_NODEFER: the nested signal did not run inside");
	calls = max_depth = 0;
	plain(SIGUSR1, count, 0);
	raise(SIGUSR1);
	if (calls != 2 || max_depth != 1)
		ok = fail("without SA_NODEFER the signal nested");
	got_sig = 0;
	dfl(SIGUSR1);
	return ok;
}

static bool realtime_signals_queue_with_their_values(void)
{
	bool ok = true;
	int rt = SIGRTMIN + 1;
	sigset_t set;
	siginfo_t si;
	struct timespec { long tv_sec, tv_nsec; } zero = { 0, 0 };
	sigemptyset(&set);
	sigaddset(&set, rt);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int v = 1; v <= 3; v++)
		sigqueue(getpid(), rt, (union sigval){ .sival_int = v * 11 });
	for (int v = 1; v <= 3; v++) {
		memset(&si, 0, sizeof(si));
		int s = sigtimedwait(&set, &si, (void *)&zero);
		if (s != rt || si.si_code != SI_QUEUE || si.si_int != v * 11 ||
		    si.si_pid != getpid())
			ok = fail("queued signal lost or out of order");
	}
	if (sigtimedwait(&set, &si, (void *)&zero) != -1 || errno != EAGAIN)
		ok = fail("an empty queue did not time out with EAGAIN");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	si.si_code = SI_USER;  /* only the kernel or kill() may say that */
	if (syscall(178, getppid(), SIGUSR1, &si) != -1 || errno != EPERM)
		ok = fail("rt_sigqueueinfo pretending SI_USER was not EPERM");
	return ok;
}

static bool bad_arguments_get_linux_errnos(void)
{
	bool ok = true;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGKILL, &sa, NULL) != -1 || errno != EINVAL)
		ok = fail("sigaction(SIGKILL) was not EINVAL");
	if (sigaction(65, NULL, &sa) != -1 || errno != EINVAL)
		ok = fail("sigaction(65) was not EINVAL");
	if (syscall(174, SIGUSR1, NULL, NULL, 4) != -1 || errno != EINVAL)
		ok = fail("rt_sigaction with sigsetsize 4 was not EINVAL");
	if (syscall(174, SIGUSR1, (void *)8, NULL, 8) != -1 || errno != EFAULT)
		ok = fail("rt_sigaction from a bad pointer was not EFAULT");
	if (syscall(175, 7, &sa.sa_mask, NULL, 8) != -1 || errno != EINVAL)
		ok = fail("rt_sigprocmask how 7 was not EINVAL");
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	sigprocmask(SIG_SETMASK, NULL, &all);
	if (sigismember(&all, SIGKILL) || sigismember(&all, SIGSTOP))
		ok = fail("SIGKILL or SIGSTOP could be blocked");
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	if (kill(getpid(), 65) != -1 || errno != EINVAL)
		ok = fail("kill with signal 65 was not EINVAL");
	return ok;
}

/* setitimer/getitimer through syscall(): struct itimerval on i386. */
struct itv { long int_sec, int_usec, val_sec, val_usec; };

static long set_timer(int which, long int_usec, long val_usec, struct itv *old)
{
	struct itv v = { int_usec / 1000000, int_usec % 1000000,
			 val_usec / 1000000, val_usec % 1000000 };
	return syscall(104, which, &v, old);
}

static void tick(int sig)
{
	(void)sig;
	calls++;
}

static bool itimer_real_sends_sigalrm_every_interval(void)
{
	bool ok = true;
	sigset_t alrm, none;
	struct itv cur;
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &alrm, NULL);
	plain(SIGALRM, tick, 0);
	calls = 0;
	set_timer(0, 20000, 20000, NULL);
	while (calls < 3)
		sigsuspend(&none);
	syscall(105, 0, &cur);
	if (cur.int_sec != 0 || cur.int_usec != 20000 || cur.val_sec != 0 ||
	    cur.val_usec <= 0 || cur.val_usec > 20000)
		ok = fail("getitimer: wrong interval or time left");
	set_timer(0, 0, 0, &cur);
	if (cur.int_usec != 20000)
		ok = fail("setitimer did not return the old interval");
	syscall(105, 0, &cur);
	if (cur.val_sec || cur.val_usec || cur.int_sec || cur.int_usec)
		ok = fail("a disarmed timer does not read as zero");
	sigprocmask(SIG_UNBLOCK, &alrm, NULL);
	calls = 0;
	set_timer(0, 0, 30000, NULL);  /* one shot: pause wakes with EINTR */
	if (pause() != -1 || errno != EINTR || calls != 1)
		ok = fail("pause did not end with EINTR after SIGALRM");
	if (alarm(5) != 0 || alarm(0) != 5 || alarm(0) != 0)
		ok = fail("alarm did not return the seconds left");
	if (set_timer(3, 0, 1000, NULL) != -1 || errno != EINVAL)
		ok = fail("setitimer of an unknown timer was not EINVAL");
	if (set_timer(0, 0, 999999, NULL) || set_timer(0, 0, 0, NULL))
		ok = fail("setitimer refused a valid time");
	struct itv bad = { 0, 1000000, 0, 0 };
	if (syscall(104, 0, &bad, NULL) != -1 || errno != EINVAL)
		ok = fail("a microsecond count of 1000000 was not EINVAL");
	dfl(SIGALRM);
	return ok;
}

/* The old calls i386 still has (sigaction 67, sigprocmask 126,
 * sigpending 73) and rt_sigtimedwait_time64 (421), as C libraries may
 * use them. */
static bool old_calls_and_time64_variant(void)
{
	bool ok = true;
	struct { unsigned long handler, mask, flags, restorer; } oa = {
		1 /* SIG_IGN */, 1u << (SIGUSR2 - 1), SA_RESTART, 0 }, ob;
	if (syscall(67, SIGUSR1, &oa, NULL) || syscall(67, SIGUSR1, NULL, &ob) ||
	    ob.handler != 1 || ob.mask != oa.mask || !(ob.flags & SA_RESTART))
		ok = fail("sigaction (67) did not set and read back the action");
	struct sigaction now;
	sigaction(SIGUSR1, NULL, &now);
	if (now.sa_handler != SIG_IGN || !sigismember(&now.sa_mask, SIGUSR2))
		ok = fail("rt_sigaction does not see what sigaction (67) set");
	signal(SIGUSR1, SIG_DFL);
	unsigned long set = 1u << (SIGUSR1 - 1), old = 0, pend = 0;
	if (syscall(126, SIG_BLOCK, &set, &old) || !blocked(SIGUSR1))
		ok = fail("sigprocmask (126) did not block");
	raise(SIGUSR1);
	if (syscall(73, &pend) || !(pend & set))
		ok = fail("sigpending (73) does not show the blocked signal");
	sigset_t one;
	siginfo_t si;
	long long ts64[2] = { 0, 0 };
	sigemptyset(&one);
	sigaddset(&one, SIGUSR1);
	if (syscall(421, &one, &si, ts64, 8) != SIGUSR1 || si.si_code != SI_TKILL)
		ok = fail("rt_sigtimedwait_time64 did not take the pending signal");
	if (syscall(421, &one, &si, ts64, 8) != -1 || errno != EAGAIN)
		ok = fail("rt_sigtimedwait_time64 with nothing pending was not EAGAIN");
	syscall(126, SIG_SETMASK, &old, NULL);
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "sig.blocked_signal_waits_for_sigsuspend", blocked_signal_waits_for_sigsuspend },
		{ "sig.handler_runs_on_the_alternate_stack", handler_runs_on_the_alternate_stack },
		{ "sig.resethand_and_nodefer", resethand_and_nodefer },
		{ "sig.realtime_signals_queue_with_their_values", realtime_signals_queue_with_their_values },
		{ "sig.bad_arguments_get_linux_errnos", bad_arguments_get_linux_errnos },
		{ "sig.itimer_real_sends_sigalrm_every_interval", itimer_real_sends_sigalrm_every_interval },
		{ "sig.old_calls_and_time64_variant", old_calls_and_time64_variant },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
