/* libc/src/signal/sigsuspend.c: wait for a signal with a temporary mask
 * (rt_sigsuspend); always -1 with errno EINTR. */
#include <signal.h>

#include "syscall.h"

int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(__NR_rt_sigsuspend, (long)mask,
					sizeof(ksigset_t)));
}
