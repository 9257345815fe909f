/* kernel/time.c: the monotonic clock and the armed timers. The clock
 * advances one tick (1/TICK_HZ s) per timer interrupt; the tick runs every
 * timer whose deadline it reached. */
#include "kernel/time.h"

#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/thread.h"

#define NSEC_PER_TICK (NSEC_PER_SEC / TICK_HZ)

static volatile uint64_t ticks;  /* since pit_init() */

/* Armed timers, earliest deadline first, and (during a tick) the expired
 * ones not yet run. Guarded by timers_lock; the tick takes it too. */
static struct spinlock timers_lock = SPINLOCK_INIT("timers");
static struct timer *armed;
static struct timer *expiring;

uint64_t time_monotonic_ns(void)
{
	bool irq = irq_save();  /* a 64-bit read is two loads */
	uint64_t t = ticks;
	irq_restore(irq);
	return t * NSEC_PER_TICK;
}

void timer_init(struct timer *t, void (*fn)(struct timer *t))
{
	t->deadline_ns = 0;
	t->fn = fn;
	t->next = NULL;
	t->armed = false;
}

/* Take t off whichever list holds it. timers_lock held, t armed. */
static void unlink_timer(struct timer *t)
{
	struct timer **lists[2] = { &armed, &expiring };
	for (int i = 0; i < 2; i++) {
		for (struct timer **pp = lists[i]; *pp; pp = &(*pp)->next) {
			if (*pp == t) {
				*pp = t->next;
				t->next = NULL;
				t->armed = false;
				return;
			}
		}
	}
	panic("timer %p armed but on no list", t);
}

void timer_arm(struct timer *t, uint64_t deadline_ns)
{
	KASSERT(t->fn);
	spin_lock(&timers_lock);
	if (t->armed)
		unlink_timer(t);
	t->deadline_ns = deadline_ns;
	struct timer **pp = &armed;
	while (*pp && (*pp)->deadline_ns <= deadline_ns)
		pp = &(*pp)->next;
	t->next = *pp;
	*pp = t;
	t->armed = true;
	spin_unlock(&timers_lock);
}

bool timer_cancel(struct timer *t)
{
	spin_lock(&timers_lock);
	bool was = t->armed;
	if (was)
		unlink_timer(t);
	spin_unlock(&timers_lock);
	return was;
}

bool timer_armed(const struct timer *t)
{
	return t->armed;
}

/* Run the timers whose deadline is at or before now. The expired ones are
 * first moved to their own list, so that a callback that arms a timer
 * (even in the past) cannot make this loop endless, and a callback that
 * cancels another expired timer stops it from running. */
static void run_timers(uint64_t now)
{
	spin_lock(&timers_lock);
	struct timer **tail = &armed;
	while (*tail && (*tail)->deadline_ns <= now)
		tail = &(*tail)->next;
	if (tail != &armed) {  /* detach [armed, *tail) */
		expiring = armed;
		armed = *tail;
		*tail = NULL;
	}
	while (expiring) {
		struct timer *t = expiring;
		expiring = t->next;
		t->next = NULL;
		t->armed = false;
		spin_unlock(&timers_lock);
		t->fn(t);
		spin_lock(&timers_lock);
	}
	spin_unlock(&timers_lock);
}

void time_tick(void)
{
	ticks++;
	run_timers(ticks * NSEC_PER_TICK);
}

static void wake_sleeper(struct timer *t)
{
	struct thread *th = (struct thread *)((char *)t -
					      offsetof(struct thread, sleep_timer));
	thread_wake(th);
}

void time_arm_sleeper(struct thread *t, uint64_t deadline_ns)
{
	if (t->sleep_timer.fn != wake_sleeper)
		timer_init(&t->sleep_timer, wake_sleeper);
	timer_arm(&t->sleep_timer, deadline_ns);
}

void time_disarm_sleeper(struct thread *t)
{
	timer_cancel(&t->sleep_timer);
}
