/* kernel/proc_internal.h: the process list as kernel/proc.c (creating
 * and ending processes), kernel/proc_wait.c (waiting for them) and
 * kernel/pid.c (their ids) share it; no one else includes it. */
#ifndef KERNEL_PROC_INTERNAL_H
#define KERNEL_PROC_INTERNAL_H

#include "kernel/proc.h"
#include "kernel/wait.h"

/* proc_lock guards the list, the pid hash (kernel/pid.c), every
 * process's [L] fields (kernel/proc.h) and the threads' group_next links
 * (docs/locking.md). */
extern struct spinlock proc_lock;
extern struct list_node proc_all;  /* live, embryo and zombie processes,
				      via struct proc's `all` */
extern struct waitq kernel_waiters;   /* in proc_wait(): children of none */

/* Free zombie p, whose last thread has switched away for good. Called
 * without proc_lock, by the one who took p off its parent's list. */
void proc_reap(struct proc *p);


#endif
