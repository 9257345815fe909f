/* libc/src/process/fork.c: fork(2): the child's pid in the parent, 0 in
 * the child. Flush stdio first, or both processes write its buffer. With
 * threads, another thread may hold a lock the child will need (malloc's,
 * stdout's): take them around the fork, so the child's copies are free,
 * as glibc's fork does. */
#include <stdio.h>
#include <unistd.h>

#include "malloc_impl.h"
#include "pthread_impl.h"
#include "stdio_impl.h"
#include "syscall.h"

pid_t fork(void)
{
	if (!__pthread_multi)
		return __syscall_ret(__syscall0(__NR_fork));
	__lock(&stdout->lock);
	__lock(&stderr->lock);
	__lock(&__malloc_lock);
	long r = __syscall0(__NR_fork);
	__unlock(&__malloc_lock);
	__unlock(&stderr->lock);
	__unlock(&stdout->lock);
	return __syscall_ret(r);
}
