/* libc/src/process/fork.c: fork(2): the child's pid in the parent, 0 in
 * the child. Flush stdio first, or both processes write its buffer. */
#include <unistd.h>

#include "syscall.h"

pid_t fork(void)
{
	return __syscall_ret(__syscall0(__NR_fork));
}
