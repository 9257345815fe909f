/* libc/src/signal/sigaction.c: sigaction(2) through rt_sigaction, with
 * SA_RESTORER pointing at a return into sigreturn, as glibc and musl do. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "spawn_impl.h"
#include "syscall.h"

uint64_t __sig_handlers;  /* spawn_impl.h */

void __restore(void);
void __restore_rt(void);

/* Where a handler returns: rt_sigreturn for SA_SIGINFO frames, sigreturn
 * (after popping the signal number) for the others. */
__asm__(".text\n"
	".global __restore\n"
	"__restore:\n"
	"\tpopl %eax\n"
	"\tmovl $119, %eax\n"
	"\tint $0x80\n"
	".global __restore_rt\n"
	"__restore_rt:\n"
	"\tmovl $173, %eax\n"
	"\tint $0x80\n");

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct k_sigaction kact, kold;
	if (act) {
		kact.handler = (uint32_t)act->sa_handler;
		kact.flags = (uint32_t)act->sa_flags | SA_RESTORER;
		kact.restorer = (uint32_t)(act->sa_flags & SA_SIGINFO ?
					   __restore_rt : __restore);
		memcpy(&kact.mask, &act->sa_mask, sizeof(kact.mask));
	}
	long r = __syscall4(__NR_rt_sigaction, sig, act ? (long)&kact : 0,
			    old ? (long)&kold : 0, sizeof(ksigset_t));
	if (r == 0 && act && kact.handler > 1 && sig >= 1 && sig <= 64)
		__sig_handlers |= 1ull << (sig - 1);  /* posix_spawn resets it */
	if (r == 0 && old) {
		memset(old, 0, sizeof(*old));
		old->sa_handler = (void (*)(int))kold.handler;
		old->sa_flags = (int)kold.flags;
		old->sa_restorer = (void (*)(void))kold.restorer;
		memcpy(&old->sa_mask, &kold.mask, sizeof(kold.mask));
	}
	return __syscall_ret(r);
}
