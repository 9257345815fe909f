/* libc/src/signal/sigaltstack.c: the alternate signal stack. */
#include <signal.h>

#include "syscall.h"

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __syscall_ret(__syscall2(__NR_sigaltstack, (long)ss, (long)old));
}
