/* libc/src/signal/sigprocmask.c: the signal mask (rt_sigprocmask). */
#include <signal.h>

#include "syscall.h"

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall4(__NR_rt_sigprocmask, how, (long)set,
					(long)old, sizeof(ksigset_t)));
}
