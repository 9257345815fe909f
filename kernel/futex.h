/* kernel/futex.h: futex(2), the one blocking primitive user-space locks,
 * condition variables and pthread_join are built on: sleep while a word
 * in user memory holds an expected value, be woken by whoever changes it.
 * docs/threads.md explains the keys and draws the queues. */
#ifndef KERNEL_FUTEX_H
#define KERNEL_FUTEX_H

#include <stdint.h>

/* futex(uaddr, op, val, timeout_or_val2, uaddr2, val3) with a 32-bit
 * struct timespec, and futex_time64 with Linux's 64-bit one. Operations:
 * WAIT, WAKE, REQUEUE, CMP_REQUEUE, WAKE_OP, WAIT_BITSET, WAKE_BITSET,
 * private or shared, FUTEX_CLOCK_REALTIME for the waits. Returns as
 * Linux: the number woken (and requeued), 0 for a wait that was woken,
 * -EAGAIN (the word changed), -ETIMEDOUT, -EINTR, -EFAULT, -EINVAL, or
 * -ENOSYS for an unknown or priority-inheritance operation. */
long sys_futex(uint32_t uaddr, uint32_t op, uint32_t val, uint32_t utime,
	       uint32_t uaddr2, uint32_t val3);
long sys_futex_time64(uint32_t uaddr, uint32_t op, uint32_t val,
		      uint32_t utime, uint32_t uaddr2, uint32_t val3);

/* FUTEX_WAKE one waiter of the shared futex at uaddr in the current
 * address space (an exiting thread's clear_child_tid, as Linux's
 * mm_release()). Returns how many were woken, or a negative errno. */
long futex_wake_one(uint32_t uaddr);

/* Atomically (with respect to every other thread) replace the word at
 * uaddr with new if it holds old; *cur is what it held. Returns 0, or
 * -EFAULT (the word is not writable user memory). */
int futex_cmpxchg(uint32_t uaddr, uint32_t old, uint32_t new, uint32_t *cur);

/* set_robust_list / get_robust_list (kernel/futex_robust.c), and the walk
 * of the exiting (or exec'ing) thread's robust list, as Linux's
 * exit_robust_list(): each futex the thread still owns gets
 * FUTEX_OWNER_DIED and one waiter is woken. */
long sys_set_robust_list(uint32_t head, uint32_t len, uint32_t a3,
			 uint32_t a4, uint32_t a5, uint32_t a6);
long sys_get_robust_list(uint32_t pid, uint32_t head_ptr, uint32_t len_ptr,
			 uint32_t a4, uint32_t a5, uint32_t a6);
void futex_exit_robust_list(void);

/* Threads sleeping in futex waits now (for tests). */
int futex_waiters(void);

#endif
