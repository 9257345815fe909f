/* kernel/lock.h: the kernel's two locks. A spinlock guards state that
 * interrupt handlers or short critical sections touch; it turns interrupts
 * off while held. A mutex is a sleeping lock for sections that may block.
 * The rules (what each lock guards, the order to take them in) are in
 * docs/locking.md. */
#ifndef KERNEL_LOCK_H
#define KERNEL_LOCK_H

#include <stdbool.h>

#include "kernel/wait.h"

struct thread;

/* On one CPU, turning interrupts off is what excludes everyone else; the
 * `locked` flag is there to catch a lock taken twice (a deadlock on more
 * CPUs) and is where a second CPU's atomic exchange will go. */
struct spinlock {
	const char *name;   /* for panic messages */
	bool locked;
	bool saved_if;      /* the interrupt flag before spin_lock: restored
			       by spin_unlock, so locks nest in LIFO order */
};

#define SPINLOCK_INIT(n) { (n), false, false }

/* Turn interrupts off (remembering whether they were on) and take l.
 * Taking a lock this CPU already holds is a kernel bug (panic). */
void spin_lock(struct spinlock *l);

/* Release l and restore the interrupt flag spin_lock found. Locks are
 * released in the reverse order of taking them. */
void spin_unlock(struct spinlock *l);

/* True if l is held (for KASSERT in functions that need it). */
bool spin_held(const struct spinlock *l);

/* A sleeping lock: a thread that finds it held sleeps (uninterruptibly)
 * until the holder releases it. Never taken in an interrupt handler or
 * with a spinlock held. */
struct mutex {
	struct spinlock lock;   /* guards owner */
	struct thread *owner;   /* NULL: free */
	struct waitq waiters;
};

#define MUTEX_INIT(n) { SPINLOCK_INIT(n), 0, WAITQ_INIT }

void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
bool mutex_held(const struct mutex *m);  /* by the calling thread */

#endif
