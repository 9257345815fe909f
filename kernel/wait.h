/* kernel/wait.h: wait queues, the one way a thread blocks. The pattern
 * (as xv6's sleep/wakeup and Linux's wait_event_interruptible):
 *
 *	spin_lock(&obj->lock);
 *	while (!condition) {
 *		int r = waitq_sleep(&obj->wq, &obj->lock, deadline,
 *				    WAIT_INTERRUPTIBLE);
 *		if (r)
 *			goto out;        // -EINTR or -ETIMEDOUT
 *	}
 *	... condition holds, lock held ...
 *
 * and whoever makes the condition true calls waitq_wake_one/all. */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include <stdbool.h>
#include <stdint.h>

struct spinlock;
struct thread;

struct wait_entry {
	struct thread *thread;
	struct wait_entry *next;  /* in its queue, oldest first */
	bool woken;               /* set by waitq_wake_* */
};

struct waitq {
	struct wait_entry *head;  /* the entries live on sleepers' stacks */
};

#define WAITQ_INIT { 0 }

#define WAIT_INTERRUPTIBLE 0x1  /* a pending signal ends the sleep */

/* Sleep on wq until woken, until CLOCK_MONOTONIC reaches deadline_ns (0:
 * never), or, with WAIT_INTERRUPTIBLE, until a signal is pending for the
 * thread (thread->sig_pending). lock, if not NULL, is held by the caller:
 * it is released while asleep (no wakeup is lost between the caller's
 * check and the sleep) and held again on return. Returns 0 when woken
 * (or spuriously: the caller rechecks its condition), -ETIMEDOUT or
 * -EINTR. Must not be called from an interrupt handler. */
int waitq_sleep(struct waitq *wq, struct spinlock *lock, uint64_t deadline_ns,
		unsigned flags);

/* Wake the oldest sleeper / every sleeper on wq. Safe in an interrupt
 * handler. Return how many were woken. */
int waitq_wake_one(struct waitq *wq);
int waitq_wake_all(struct waitq *wq);

/* True if some thread sleeps on wq. */
bool waitq_active(const struct waitq *wq);

/* Waiting on several queues at once (poll, select): put one entry per
 * queue for the running thread with waitq_add(), check the conditions,
 * then waitq_block() sleeps until any of the entries is woken (a wake-up
 * between the add and the block is not lost: it marks the entry, and
 * waitq_block returns at once). waitq_del() takes an entry off its queue
 * if a wake-up has not already. Entries must stay in place (not move)
 * from add to del. */
void waitq_add(struct waitq *wq, struct wait_entry *e);
void waitq_del(struct waitq *wq, struct wait_entry *e);

/* Block until one of the n entries at es is woken, until deadline_ns (0:
 * never) or, with WAIT_INTERRUPTIBLE, a signal is pending. Returns 0
 * (woken), -ETIMEDOUT or -EINTR, as waitq_sleep. */
int waitq_block(struct wait_entry *es, unsigned n, uint64_t deadline_ns,
		unsigned flags);

#endif
