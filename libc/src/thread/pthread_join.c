/* libc/src/thread/pthread_join.c: wait until the kernel zeroes the
 * thread's tid, then unmap its stack. The kernel's wake at thread exit
 * (CLONE_CHILD_CLEARTID) is a shared-futex wake, and a shared wake finds
 * only shared waiters, on Linux as on pagoda: wait without the private
 * flag. */
#include <errno.h>
#include <sys/mman.h>

#include "pthread_impl.h"

int pthread_join(pthread_t t, void **result)
{
	if (t == pthread_self())
		return EDEADLK;
	int tid;
	while ((tid = t->tid) != 0)
		__futex_wait_shared(&t->tid, tid);
	if (result)
		*result = t->result;
	if (t->block)
		munmap(t->block, t->block_len);
	return 0;
}
