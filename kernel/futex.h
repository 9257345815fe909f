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

/* Threads sleeping in futex waits now (for tests). */
int futex_waiters(void);

#endif
