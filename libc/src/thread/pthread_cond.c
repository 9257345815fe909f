/* libc/src/thread/pthread_cond.c: condition variables as a sequence
 * number: a waiter sleeps on the value it saw before unlocking the mutex,
 * so a signal between its unlock and its sleep changes the word and the
 * kernel returns EAGAIN instead of letting it sleep through the signal.
 * Wake-ups may be spurious, as POSIX allows. */
#include <limits.h>

#include "pthread_impl.h"

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a __attribute__((unused)))
{
	c->seq = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c __attribute__((unused)))
{
	return 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	int seq = c->seq;
	pthread_mutex_unlock(m);
	__futex_wait(&c->seq, seq);
	/* Others may sleep on the mutex behind us: take it as contended. */
	while (__atomic_exchange_n(&m->lock, 2, __ATOMIC_ACQUIRE) != 0)
		__futex_wait(&m->lock, 2);
	return 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->seq, INT_MAX);
	return 0;
}
