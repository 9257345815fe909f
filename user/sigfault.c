/* user/sigfault.c: faults a program catches, checked against what Linux
 * does (the same binary runs on Linux through tools/check-user-on-host):
 * SIGSEGV with its si_code and si_addr and a siglongjmp out, a handler
 * that changes the saved eip and eax in its ucontext (SIGILL, SIGFPE),
 * int3, a misaligned access with EFLAGS.AC, and sigreturn to selectors
 * the CPU refuses. The rest of the handlers' behaviour is user/sigtest.c.
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
#include "sigutil.h"

static sigjmp_buf jump;
static volatile int got_sig, got_code, got_trapno;
static void *volatile got_addr;
static volatile unsigned long got_eip;

/* qemu-i386 (how a host without IA-32 runs these) leaves sigcontext's
 * trapno at -1; Linux and pagoda fill it in. */
static bool trapno_is(int want)
{
	return getenv("PAGODA_NO_I386_EXECVE") ? got_trapno == -1
					       : got_trapno == want;
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
		{ "sig.sigreturn_with_bad_selectors_is_sigsegv", sigreturn_with_bad_selectors_is_sigsegv },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
