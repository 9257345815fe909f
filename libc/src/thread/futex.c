/* libc/src/thread/futex.c: futex(2) on private words, and libc's own
 * small lock built on it (Drepper's "Futexes are tricky", mutex 2). */
#include "pthread_impl.h"
#include "kernel/uapi/futex.h"
#include "syscall.h"

int __futex_wait(volatile int *addr, int val)
{
	return (int)__syscall4(__NR_futex, (long)addr,
			       FUTEX_WAIT | FUTEX_PRIVATE_FLAG, val, 0);
}

int __futex_wait_shared(volatile int *addr, int val)
{
	return (int)__syscall4(__NR_futex, (long)addr, FUTEX_WAIT, val, 0);
}

int __futex_wake(volatile int *addr, int n)
{
	return (int)__syscall3(__NR_futex, (long)addr,
			       FUTEX_WAKE | FUTEX_PRIVATE_FLAG, n);
}

/* LAB(mutex.lock) begin: a lock that sleeps in futex (labs/mutex) */
void __lock(volatile int *l)
{
	int c = __sync_val_compare_and_swap(l, 0, 1);
	if (c == 0)
		return;
	/* Taken: say there are waiters (2) and sleep until it is free. */
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		__futex_wait(l, 2);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
}

void __unlock(volatile int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(l, 1);
}
/* LAB(mutex.lock) end */
