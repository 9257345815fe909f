/* libc/src/thread/pthread_mutex.c: normal (non-recursive, unchecked)
 * mutexes: libc's futex lock (0 free, 1 locked, 2 locked with waiters). */
#include <errno.h>

#include "pthread_impl.h"

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a __attribute__((unused)))
{
	m->lock = 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m __attribute__((unused)))
{
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	__lock(&m->lock);
	return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return __sync_val_compare_and_swap(&m->lock, 0, 1) ? EBUSY : 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	__unlock(&m->lock);
	return 0;
}
