/* libc/src/internal/pthread_impl.h: what a thread is to pagoda's libc.
 * Each thread's struct pthread sits above its stack (the main thread's is
 * static); %gs points at it through a TLS segment (set_thread_area, clone's
 * CLONE_SETTLS) once a second thread exists, so pthread_self() and errno
 * find it. docs/threads.md. */
#ifndef _INTERNAL_PTHREAD_IMPL_H
#define _INTERNAL_PTHREAD_IMPL_H

#include <pthread.h>
#include <stddef.h>

struct pthread {
	struct pthread *self;    /* %gs:0 */
	volatile int tid;        /* the kernel's tid; the kernel zeroes it and
				    futex-wakes it when the thread ends
				    (CLONE_CHILD_CLEARTID): pthread_join
				    waits on it */
	int errno_val;
	void *(*start)(void *);
	void *arg;
	void *result;            /* what start returned, or pthread_exit's */
	void *block;             /* the mmap'd guard page, stack and this
				    struct (NULL for the main thread) */
	size_t block_len;        /* its length, for munmap */
};

/* The main thread's, until pthread_create first runs it is also what
 * pthread_self() gives (without touching %gs: a program may use %gs). */
extern struct pthread __pthread_main;
extern int __pthread_multi;  /* a second thread was ever created */

/* new thread: clone(flags, stack, ptid, tls, ctid), then fn(arg) on the
 * new stack and exit(its result). Returns the tid, or -errno. */
int __clone(int (*fn)(void *), void *stack, int flags, void *arg,
	    volatile int *ptid, void *tls, volatile int *ctid);

/* futex(2) on a private word, and a shared wait. */
int __futex_wait(volatile int *addr, int val);
int __futex_wait_shared(volatile int *addr, int val);
int __futex_wake(volatile int *addr, int n);

/* A small lock for libc's own state (malloc): 0 free, 1 taken, 2 taken
 * with waiters. */
void __lock(volatile int *l);
void __unlock(volatile int *l);

#endif
