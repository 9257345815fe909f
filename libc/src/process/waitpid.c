/* libc/src/process/waitpid.c: waitpid through wait4 (no rusage), as
 * glibc and musl do on i386. */
#include <sys/wait.h>

#include "syscall.h"

pid_t waitpid(pid_t pid, int *status, int options)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, (long)status, options,
					0));
}
