/* kernel/arch/x86/sigframe.h: the i386 side of signal delivery: building
 * Linux's sigframe / rt_sigframe on the user stack so a handler runs in
 * ring 3, taking it back in sigreturn, and restarting system calls. */
#ifndef ARCH_X86_SIGFRAME_H
#define ARCH_X86_SIGFRAME_H

#include <stdbool.h>

#include "kernel/uapi/signal.h"

struct trapframe;

/* Make tf return into ka's handler for sig: save the registers, the FPU
 * state and oldmask (the mask to restore) in a frame on the user stack
 * (the alternate stack with SA_ONSTACK), an rt_sigframe with info and a
 * ucontext for SA_SIGINFO, else a sigframe. Returns 0, or -EFAULT if
 * the frame cannot be written (the caller kills with SIGSEGV). */
int sigframe_setup(struct trapframe *tf, int sig, const struct k_sigaction *ka,
		   const siginfo_t *info, ksigset_t oldmask);

/* System call nr returned -ERESTART* in tf->eax: restart it (back over
 * the int 0x80, its number in eax again; restart_syscall for
 * -ERESTART_RESTARTBLOCK) or make it -EINTR, as the handler about to run
 * (ka; NULL: none) says with SA_RESTART. Other results are left alone. */
void sigframe_syscall_restart(struct trapframe *tf, int nr,
			      const struct k_sigaction *ka);

/* sigreturn (rt false) and rt_sigreturn (rt true): restore what
 * sigframe_setup saved from the frame the handler returned through.
 * Returns the restored eax; a bad frame kills with SIGSEGV. */
long sigframe_return(bool rt);

/* Is user address sp on the running thread's alternate signal stack? */
bool sigframe_on_altstack(uint32_t sp);

#endif
