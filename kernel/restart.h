/* kernel/restart.h: how a system call interrupted by a signal resumes
 * where it left off (Linux's restart_block). A call that returns
 * -ERESTART_RESTARTBLOCK first fills the running thread's restart block;
 * if no handler runs, signal delivery makes the thread re-enter the kernel
 * with restart_syscall (number 0), which calls fn. A handler that runs
 * (or sigreturn) resets fn to restart_none, so a stale block is never
 * resumed. */
#ifndef KERNEL_RESTART_H
#define KERNEL_RESTART_H

#include <stdbool.h>
#include <stdint.h>

struct restart_block {
	long (*fn)(struct restart_block *rb);  /* NULL: restart_none */
	/* nanosleep / clock_nanosleep (kernel/clock.c): */
	uint64_t deadline_ns;   /* CLOCK_MONOTONIC end of the sleep */
	uint32_t rmtp;          /* user address for the time left, or 0 */
	bool rmtp64;            /* rmtp is a struct timespec64 */
	/* futex waits with a timeout (kernel/futex.c), with deadline_ns: */
	uint32_t futex_uaddr;
	uint32_t futex_val;
	uint32_t futex_bitset;
	bool futex_private;
};

/* What restart_syscall does with no restart pending: -EINTR, as Linux's
 * do_no_restart_syscall. */
long restart_none(struct restart_block *rb);

/* restart_syscall(): resume the running thread's interrupted call. */
long sys_restart_syscall(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			 uint32_t a5, uint32_t a6);

#endif
