/* libc/src/signal/raise.c: send sig to the calling thread (tgkill), as
 * glibc and musl do. */
#include <signal.h>

#include "syscall.h"

int raise(int sig)
{
	long pid = __syscall0(__NR_getpid), tid = __syscall0(__NR_gettid);
	return __syscall_ret(__syscall3(__NR_tgkill, pid, tid, sig));
}
