/* pthread.h: POSIX threads, the subset pagoda's libc has: create, join,
 * exit, self, equal; normal mutexes and condition variables on futexes;
 * attributes for the stack size. One kernel thread per pthread (clone
 * with CLONE_THREAD), as on Linux. */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <stddef.h>

typedef struct pthread *pthread_t;

typedef struct {
	size_t stacksize;  /* 0: the default */
} pthread_attr_t;

typedef struct {
	volatile int lock;  /* 0 free, 1 locked, 2 locked with waiters */
} pthread_mutex_t;

typedef struct {
	int unused;
} pthread_mutexattr_t;

typedef struct {
	volatile int seq;  /* bumped by every signal and broadcast */
} pthread_cond_t;

typedef struct {
	int unused;
} pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER { 0 }
#define PTHREAD_COND_INITIALIZER { 0 }
#define PTHREAD_STACK_MIN 16384

int pthread_create(pthread_t *t, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg);
int pthread_join(pthread_t t, void **result);
__attribute__((noreturn)) void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

#endif
