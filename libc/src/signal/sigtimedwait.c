/* libc/src/signal/sigtimedwait.c: take a pending signal of set, waiting
 * for one at most timeout (NULL: forever); rt_sigtimedwait. */
#include <errno.h>
#include <signal.h>

#include "syscall.h"

int sigtimedwait(const sigset_t *set, siginfo_t *info,
		 const struct timespec *timeout)
{
	long r;
	do  /* EINTR from another signal: keep waiting, as musl */
		r = __syscall4(__NR_rt_sigtimedwait, (long)set, (long)info,
			       (long)timeout, sizeof(ksigset_t));
	while (r == -EINTR);
	return __syscall_ret(r);
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, 0);
}
