/* user/sigtest.c: signal handlers as a program sees them, checked against
 * what Linux does (the same binary runs on Linux through
 * tools/check-user-on-host): faults caught with their si_code and si_addr,
 * a handler changing the saved registers, the mask, sigsuspend, the
 * alternate stack, SA_RESETHAND and SA_NODEFER, queued real-time signals.
 * Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ucontext.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static sigjmp_buf jump;
static volatile int got_sig, got_code, calls, depth, max_depth;
static void *volatile got_addr;
static volatile int got_trapno, got_onstack, got_blocked;
static volatile unsigned long got_eip;
static char *volatile local_addr;

/* qemu-i386 (how a host without IA-32 runs these) leaves sigcontext's
 * trapno at -1; Linux and pagoda fill it in. */
static bool trapno_is(int want)
{
	return getenv("PAGODA_NO_I386_EXECVE") ? got_trapno == -1
					       : got_trapno == want;
}

static bool fail(const char *why)
{
	note("%s (errno %d)", why, errno);
	return false;
}

/* Install a handler (SA_SIGINFO form) with flags. */
static void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

static void dfl(int sig)
{
	signal(sig, SIG_DFL);
}

static bool blocked(int sig)
{
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig) == 1;
}

static void record(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	got_sig = sig;
	got_code = si->si_code;
	got_addr = si->si_addr;
	got_trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
	got_eip = (unsigned long)uc->uc_mcontext.gregs[REG_EIP];
}

static void catch_and_jump(int sig, siginfo_t *si, void *uc)
{
	record(sig, si, uc);
	siglongjmp(jump, 1);
}

static bool segv_handler_reads_si_addr_and_code(void)
{
	volatile bool ok = true;
	volatile int *volatile low = (volatile int *)0x10;
	on(SIGSEGV, catch_and_jump, 0);
	if (!sigsetjmp(jump, 1)) {
		*low = 1;
		return fail("no fault at 0x10");
	}
	if (got_sig != SIGSEGV || got_code != SEGV_MAPERR || got_addr != (void *)0x10)
		ok = fail("unmapped: wrong signal, code or address");
	if (blocked(SIGSEGV))
		ok = fail("siglongjmp left SIGSEGV blocked");
	volatile char *text = (volatile char *)(void *)segv_handler_reads_si_addr_and_code;
	if (!sigsetjmp(jump, 1)) {
		*text = 0;
		return fail("no fault writing program text");
	}
	if (got_code != SEGV_ACCERR || got_addr != (void *)text)
		ok = fail("text: want SEGV_ACCERR at the address written");
	dfl(SIGSEGV);
	return ok;
}

/* Skip the 2-byte instruction that faulted and set eax for it. */
static void skip_and_set_eax(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	record(sig, si, ucv);
	uc->uc_mcontext.gregs[REG_EIP] += 2;
	uc->uc_mcontext.gregs[REG_EAX] = 1234;
}

static bool handler_changes_saved_eip_and_eax(void)
{
	bool ok = true;
	int r;
	on(SIGILL, skip_and_set_eax, 0);
	__asm__ volatile("movl $1, %%eax\n\tud2" : "=a"(r) : : "memory");
	if (r != 1234)
		ok = fail("eax not changed through the ucontext");
	if (got_sig != SIGILL || got_code != ILL_ILLOPN || !trapno_is(6) ||
	    got_addr != (void *)got_eip)
		ok = fail("SIGILL: wrong code, trapno or si_addr"), note("code %d trapno %d addr %p eip %lx", got_code, got_trapno, got_addr, got_eip);
	dfl(SIGILL);
	on(SIGFPE, skip_and_set_eax, 0);
	__asm__ volatile("xorl %%ecx, %%ecx\n\txorl %%edx, %%edx\n\t"
			 "movl $7, %%eax\n\tdivl %%ecx"
			 : "=a"(r) : : "ecx", "edx", "memory");
	if (r != 1234 || got_sig != SIGFPE || got_code != FPE_INTDIV ||
	    !trapno_is(0) || got_addr != (void *)got_eip)
		ok = fail("SIGFPE: divide error not caught as FPE_INTDIV");
	dfl(SIGFPE);
	return ok;
}

static bool int3_is_sigtrap_after_the_instruction(void)
{
	bool ok = true;
	on(SIGTRAP, record, 0);
	got_sig = 0;
	__asm__ volatile("int3" : : : "memory");
	if (got_sig != SIGTRAP || got_code != SI_KERNEL || !trapno_is(3))
		ok = fail("int3: want SIGTRAP, SI_KERNEL, trapno 3"), note("code %d trapno %d", got_code, got_trapno);
	dfl(SIGTRAP);
	return ok;
}

/* Clear EFLAGS.AC in the saved registers: the load retries and works. */
static void clear_ac(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	record(sig, si, ucv);
	uc->uc_mcontext.gregs[REG_EFL] &= ~0x40000;
}

static bool misaligned_access_with_ac_is_sigbus(void)
{
	if (getenv("PAGODA_NO_I386_EXECVE")) {
		note("skipped: qemu-i386 does not emulate alignment checks");
		return true;
	}
	static char buf[16] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	unsigned v;
	got_sig = 0;
	on(SIGBUS, clear_ac, 0);
	__asm__ volatile("pushfl\n\torl $0x40000, (%%esp)\n\tpopfl\n\t"
			 "movl 1(%1), %0\n\t"
			 "pushfl\n\tandl $~0x40000, (%%esp)\n\tpopfl"
			 : "=r"(v) : "r"(buf) : "memory", "cc");
	dfl(SIGBUS);
	if (got_sig == 0 && v == 0x04030201u) {
		note("not checked: this CPU did not raise #AC (QEMU's TCG does not emulate it)");
		return true;
	}
	if (got_sig != SIGBUS || got_code != BUS_ADRALN || !trapno_is(17))
		return fail("want SIGBUS, BUS_ADRALN, trapno 17");
	return v == 0x04030201u || fail("the retried load read wrong bytes");
}

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

static volatile int bad_reg, bad_value;

/* Leave a selector in the saved registers that cannot be loaded. */
static void corrupt_segment(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	(void)sig, (void)si;
	uc->uc_mcontext.gregs[bad_reg] = bad_value;
}

/* sigreturn to a code segment or data selector the CPU would refuse
 * must end the program with SIGSEGV, never upset the kernel. (qemu-i386
 * does not check selectors: only on pagoda and native Linux.) */
static bool sigreturn_with_bad_selectors_is_sigsegv(void)
{
	/* The last two only on pagoda: x86-64 Linux running i386 programs
	 * quietly loads a null selector for a bad ds..gs, where i386 Linux
	 * and pagoda end the program. */
	static const struct { int reg, value; } bad[] = {
		{ REG_CS, 0x2b }, { REG_SS, 0x0 }, { REG_DS, 0x1234 },
		{ REG_GS, 0xfff3 },
	};
	unsigned n = getenv("PAGODA_TEST") ? 4 : 2;
	if (getenv("PAGODA_NO_I386_EXECVE")) {
		note("skipped: qemu-i386 does not check segment selectors");
		return true;
	}
	bool ok = true;
	for (unsigned i = 0; i < n; i++) {
		int st;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			bad_reg = bad[i].reg;
			bad_value = bad[i].value;
			on(SIGUSR1, corrupt_segment, 0);
			raise(SIGUSR1);
			_exit(0);  /* the return went through: wrong */
		}
		waitpid(pid, &st, 0);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV) {
			note("register %d = %#x: status %#x", bad[i].reg,
			     bad[i].value, st);
			ok = false;
		}
	}
	return ok;
}

int main(void)
{
	static const struct ktap_case cases[] = {
		{ "sig.segv_handler_reads_si_addr_and_code", segv_handler_reads_si_addr_and_code },
		{ "sig.handler_changes_saved_eip_and_eax", handler_changes_saved_eip_and_eax },
		{ "sig.int3_is_sigtrap_after_the_instruction", int3_is_sigtrap_after_the_instruction },
		{ "sig.misaligned_access_with_ac_is_sigbus", misaligned_access_with_ac_is_sigbus },
		{ "sig.blocked_signal_waits_for_sigsuspend", blocked_signal_waits_for_sigsuspend },
		{ "sig.handler_runs_on_the_alternate_stack", handler_runs_on_the_alternate_stack },
		{ "sig.resethand_and_nodefer", resethand_and_nodefer },
		{ "sig.realtime_signals_queue_with_their_values", realtime_signals_queue_with_their_values },
		{ "sig.bad_arguments_get_linux_errnos", bad_arguments_get_linux_errnos },
		{ "sig.itimer_real_sends_sigalrm_every_interval", itimer_real_sends_sigalrm_every_interval },
		{ "sig.sigreturn_with_bad_selectors_is_sigsegv", sigreturn_with_bad_selectors_is_sigsegv },
		{ "sig.old_calls_and_time64_variant", old_calls_and_time64_variant },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
