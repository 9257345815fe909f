/* kernel/wait_test.c: wait queues, deadlines, interruption and the two
 * locks, with kernel threads as the other party. */
#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/lock.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "tests/ktest.h"

#define MS 1000000ull

/* Run fn(arg) in a kernel thread and wait for it to end. */
static void run_and_reap(struct thread *t)
{
	while (t->state != THREAD_DEAD)
		thread_yield();
	thread_free(t);
}

KTEST(wait, sleep_ends_at_its_deadline)
{
	struct waitq wq = WAITQ_INIT;
	uint64_t start = time_monotonic_ns();
	EXPECT_EQ(waitq_sleep(&wq, NULL, start + 30 * MS, 0), -ETIMEDOUT);
	EXPECT_GE(time_monotonic_ns(), start + 30 * MS);
	EXPECT_FALSE(waitq_active(&wq));
	/* a deadline already past does not sleep at all */
	EXPECT_EQ(waitq_sleep(&wq, NULL, 1, 0), -ETIMEDOUT);
}

struct wake_ctx {
	struct spinlock lock;
	struct waitq wq;
	bool done;
	struct thread *sleeper;
	int woken;
};

static void waker(void *arg)
{
	struct wake_ctx *c = arg;
	spin_lock(&c->lock);
	c->done = true;
	c->woken = waitq_wake_all(&c->wq);
	spin_unlock(&c->lock);
}

KTEST(wait, wake_ends_the_sleep_without_losing_it)
{
	struct wake_ctx c = { SPINLOCK_INIT("test"), WAITQ_INIT, false, NULL, 0 };
	struct thread *w = thread_create_kernel(waker, &c);
	ASSERT_NOT_NULL(w);
	thread_start(w);
	int r = 0;
	uint64_t deadline = time_monotonic_ns() + 2000 * MS;
	spin_lock(&c.lock);
	while (!c.done && r == 0)
		r = waitq_sleep(&c.wq, &c.lock, deadline, 0);
	EXPECT_TRUE(spin_held(&c.lock));
	spin_unlock(&c.lock);
	EXPECT_EQ(r, 0);
	EXPECT_TRUE(c.done);
	EXPECT_EQ(c.woken, 1);
	run_and_reap(w);
}

static void kicker(void *arg)
{
	struct wake_ctx *c = arg;
	bool irq = irq_save();
	c->sleeper->sig_pending = true;
	thread_kick(c->sleeper);
	irq_restore(irq);
}

KTEST(wait, pending_signal_interrupts_only_interruptible_sleeps)
{
	struct wake_ctx c = { SPINLOCK_INIT("test"), WAITQ_INIT, false,
			      thread_current(), 0 };
	struct thread *k = thread_create_kernel(kicker, &c);
	ASSERT_NOT_NULL(k);
	thread_start(k);
	uint64_t deadline = time_monotonic_ns() + 2000 * MS;
	EXPECT_EQ(waitq_sleep(&c.wq, NULL, deadline, WAIT_INTERRUPTIBLE), -EINTR);
	EXPECT_LT(time_monotonic_ns(), deadline);
	/* still pending: the next interruptible sleep does not even start,
	 * an uninterruptible one runs to its deadline */
	EXPECT_EQ(waitq_sleep(&c.wq, NULL, deadline, WAIT_INTERRUPTIBLE), -EINTR);
	EXPECT_EQ(waitq_sleep(&c.wq, NULL, time_monotonic_ns() + 20 * MS, 0),
		  -ETIMEDOUT);
	thread_current()->sig_pending = false;
	run_and_reap(k);
}

struct mutex_ctx {
	struct mutex m;
	int inside;       /* threads between lock and unlock */
	int overlaps;     /* times a second thread got in */
	int total;
};

static void contender(void *arg)
{
	struct mutex_ctx *c = arg;
	for (int i = 0; i < 50; i++) {
		mutex_lock(&c->m);
		if (++c->inside != 1)
			c->overlaps++;
		thread_yield();  /* give the others every chance to get in */
		c->total++;
		c->inside--;
		mutex_unlock(&c->m);
	}
}

KTEST(wait, mutex_excludes_while_its_holder_sleeps)
{
	static struct mutex_ctx c = { MUTEX_INIT("test"), 0, 0, 0 };
	c.inside = c.overlaps = c.total = 0;
	struct thread *th[3];
	for (int i = 0; i < 3; i++) {
		th[i] = thread_create_kernel(contender, &c);
		ASSERT_NOT_NULL(th[i]);
		thread_start(th[i]);
	}
	for (int i = 0; i < 3; i++)
		run_and_reap(th[i]);
	EXPECT_EQ(c.overlaps, 0);
	EXPECT_EQ(c.total, 150);
	EXPECT_FALSE(waitq_active(&c.m.waiters));
}

KTEST(wait, spinlocks_nest_and_restore_the_interrupt_flag)
{
	struct spinlock a = SPINLOCK_INIT("a"), b = SPINLOCK_INIT("b");
	ASSERT_TRUE(read_eflags() & EFLAGS_IF);
	spin_lock(&a);
	EXPECT_FALSE(read_eflags() & EFLAGS_IF);
	spin_lock(&b);
	spin_unlock(&b);
	EXPECT_FALSE(read_eflags() & EFLAGS_IF);  /* a still held */
	spin_unlock(&a);
	EXPECT_TRUE(read_eflags() & EFLAGS_IF);
}
