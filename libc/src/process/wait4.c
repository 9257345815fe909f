/* libc/src/process/wait4.c: wait4, waitpid with the child's resource
 * usage (its CPU times and page faults). */
#include <sys/resource.h>
#include <sys/wait.h>

#include "syscall.h"

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, (long)status, options,
					(long)ru));
}
