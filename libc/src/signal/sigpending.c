/* libc/src/signal/sigpending.c: blocked signals waiting (rt_sigpending). */
#include <signal.h>

#include "syscall.h"

int sigpending(sigset_t *set)
{
	return __syscall_ret(__syscall2(__NR_rt_sigpending, (long)set,
					sizeof(ksigset_t)));
}
