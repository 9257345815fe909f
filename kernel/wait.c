/* kernel/wait.c: wait queues (kernel/wait.h) and the two locks built on
 * them (kernel/lock.h). One CPU: a wait queue is consistent whenever
 * interrupts are off, so every function here runs with them off. */
#include "kernel/wait.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"

static void unlink_entry(struct waitq *wq, struct wait_entry *e)
{
	for (struct wait_entry **pp = &wq->head; *pp; pp = &(*pp)->next) {
		if (*pp == e) {
			*pp = e->next;
			return;
		}
	}
}

/* Whether an interruptible sleep of me must end now: a signal is pending,
 * or its process is ending. */
static bool interrupted(const struct thread *me, unsigned flags)
{
	return (flags & WAIT_INTERRUPTIBLE) && (me->sig_pending || me->must_exit);
}

int waitq_sleep(struct waitq *wq, struct spinlock *lock, uint64_t deadline_ns,
		unsigned flags)
{
	struct thread *me = thread_current();
	struct wait_entry e = { me, NULL, false };
	bool irq = irq_save();
	bool lock_if = false;
	if (lock) {  /* release it, but keep interrupts off until we sleep */
		KASSERT(lock->locked);
		lock_if = lock->saved_if;
		lock->locked = false;
	}
	int r = 0;
	if (interrupted(me, flags)) {
		r = -EINTR;
		goto out;
	}
	if (deadline_ns && time_monotonic_ns() >= deadline_ns) {
		r = -ETIMEDOUT;
		goto out;
	}
	struct wait_entry **tail = &wq->head;
	while (*tail)
		tail = &(*tail)->next;
	*tail = &e;
	me->sleep_interruptible = flags & WAIT_INTERRUPTIBLE;
	if (deadline_ns)
		time_arm_sleeper(me, deadline_ns);
	thread_block();
	if (deadline_ns)
		time_disarm_sleeper(me);
	me->sleep_interruptible = false;
	if (!e.woken) {
		unlink_entry(wq, &e);
		if (interrupted(me, flags))
			r = -EINTR;
		else if (deadline_ns && time_monotonic_ns() >= deadline_ns)
			r = -ETIMEDOUT;
	}
out:
	if (lock) {
		lock->locked = true;
		lock->saved_if = lock_if;
	}
	irq_restore(irq);
	return r;
}

static int wake(struct waitq *wq, int max)
{
	bool irq = irq_save();
	int n = 0;
	while (wq->head && n < max) {
		struct wait_entry *e = wq->head;
		wq->head = e->next;
		e->woken = true;
		thread_wake(e->thread);
		n++;
	}
	irq_restore(irq);
	return n;
}

int waitq_wake_one(struct waitq *wq)
{
	return wake(wq, 1);
}

int waitq_wake_all(struct waitq *wq)
{
	return wake(wq, 1 << 30);
}

bool waitq_active(const struct waitq *wq)
{
	return wq->head != NULL;
}

void waitq_add(struct waitq *wq, struct wait_entry *e)
{
	bool irq = irq_save();
	*e = (struct wait_entry){ thread_current(), NULL, false };
	struct wait_entry **tail = &wq->head;
	while (*tail)
		tail = &(*tail)->next;
	*tail = e;
	irq_restore(irq);
}

void waitq_del(struct waitq *wq, struct wait_entry *e)
{
	bool irq = irq_save();
	if (!e->woken)
		unlink_entry(wq, e);
	irq_restore(irq);
}

static bool any_woken(const struct wait_entry *es, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (es[i].woken)
			return true;
	return false;
}

int waitq_block(struct wait_entry *es, unsigned n, uint64_t deadline_ns,
		unsigned flags)
{
	struct thread *me = thread_current();
	bool irq = irq_save();
	int r = 0;
	if (!any_woken(es, n)) {
		if (interrupted(me, flags))
			r = -EINTR;
		else if (deadline_ns && time_monotonic_ns() >= deadline_ns)
			r = -ETIMEDOUT;
	}
	if (!r && !any_woken(es, n)) {
		me->sleep_interruptible = flags & WAIT_INTERRUPTIBLE;
		if (deadline_ns)
			time_arm_sleeper(me, deadline_ns);
		thread_block();
		if (deadline_ns)
			time_disarm_sleeper(me);
		me->sleep_interruptible = false;
		if (!any_woken(es, n)) {
			if (interrupted(me, flags))
				r = -EINTR;
			else if (deadline_ns && time_monotonic_ns() >= deadline_ns)
				r = -ETIMEDOUT;
		}
	}
	irq_restore(irq);
	return r;
}

void spin_lock(struct spinlock *l)
{
	bool irq = irq_save();
	if (l->locked)
		panic("spinlock %s taken twice", l->name);
	l->locked = true;
	l->saved_if = irq;
}

void spin_unlock(struct spinlock *l)
{
	KASSERT(l->locked);
	bool irq = l->saved_if;
	l->locked = false;
	irq_restore(irq);
}

bool spin_held(const struct spinlock *l)
{
	return l->locked;
}

void mutex_lock(struct mutex *m)
{
	spin_lock(&m->lock);
	KASSERT(m->owner != thread_current());
	while (m->owner)
		waitq_sleep(&m->waiters, &m->lock, 0, 0);
	m->owner = thread_current();
	spin_unlock(&m->lock);
}

void mutex_unlock(struct mutex *m)
{
	spin_lock(&m->lock);
	KASSERT(m->owner == thread_current());
	m->owner = NULL;
	waitq_wake_one(&m->waiters);
	spin_unlock(&m->lock);
}

bool mutex_held(const struct mutex *m)
{
	return m->owner == thread_current();
}
