/* kernel/time_test.c: the monotonic clock and the callback timers. */
#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "tests/ktest.h"

#define MS NSEC_PER_MSEC

struct probe {
	struct timer timer;
	int fired;
	uint64_t when;          /* CLOCK_MONOTONIC when fn last ran */
	bool irq_was_on;
	int rearm;              /* periodic: re-arm this many more times */
	uint64_t period;
	struct timer *cancel;   /* another timer fn cancels, if not NULL */
	int *order, *order_len; /* shared log of which probe fired when */
	int id;
};

static void probe_fn(struct timer *t)
{
	struct probe *p = (struct probe *)((char *)t - offsetof(struct probe, timer));
	p->fired++;
	p->when = time_monotonic_ns();
	p->irq_was_on = read_eflags() & EFLAGS_IF;
	if (p->order)
		p->order[(*p->order_len)++] = p->id;
	if (p->cancel)
		timer_cancel(p->cancel);
	if (p->rearm > 0) {
		p->rearm--;
		timer_arm(t, t->deadline_ns + p->period);
	}
}

/* Idle (halting, as a sleeping thread would) until now >= until. */
static void idle_until(uint64_t until)
{
	while (time_monotonic_ns() < until)
		cpu_hlt();
}

KTEST(time, monotonic_clock_advances)
{
	uint64_t a = time_monotonic_ns();
	idle_until(a + 20 * MS);
	uint64_t b = time_monotonic_ns();
	EXPECT_GE(b, a + 20 * MS);
	EXPECT_LT(b, a + 200 * MS);
}

KTEST(time, timer_fires_once_at_its_deadline_with_interrupts_off)
{
	struct probe p = { .timer = TIMER_INIT(probe_fn) };
	uint64_t deadline = time_monotonic_ns() + 30 * MS;
	timer_arm(&p.timer, deadline);
	EXPECT_TRUE(timer_armed(&p.timer));
	idle_until(deadline - 10 * MS);
	EXPECT_EQ(p.fired, 0);
	idle_until(deadline + 30 * MS);
	EXPECT_EQ(p.fired, 1);
	EXPECT_GE(p.when, deadline);
	EXPECT_FALSE(p.irq_was_on);
	EXPECT_FALSE(timer_armed(&p.timer));
	EXPECT_FALSE(timer_cancel(&p.timer));  /* it already ran */
}

KTEST(time, cancelled_timer_never_fires)
{
	struct probe p = { .timer = TIMER_INIT(probe_fn) };
	timer_arm(&p.timer, time_monotonic_ns() + 20 * MS);
	EXPECT_TRUE(timer_cancel(&p.timer));
	EXPECT_FALSE(timer_cancel(&p.timer));
	idle_until(time_monotonic_ns() + 50 * MS);
	EXPECT_EQ(p.fired, 0);
}

KTEST(time, rearming_moves_the_deadline)
{
	struct probe p = { .timer = TIMER_INIT(probe_fn) };
	uint64_t now = time_monotonic_ns();
	timer_arm(&p.timer, now + 20 * MS);
	timer_arm(&p.timer, now + 80 * MS);
	idle_until(now + 50 * MS);
	EXPECT_EQ(p.fired, 0);
	idle_until(now + 110 * MS);
	EXPECT_EQ(p.fired, 1);
	EXPECT_GE(p.when, now + 80 * MS);
}

KTEST(time, timers_fire_in_deadline_order)
{
	int order[3], len = 0;
	struct probe p[3];
	uint64_t now = time_monotonic_ns();
	uint64_t at[3] = { 60 * MS, 20 * MS, 40 * MS };
	for (int i = 0; i < 3; i++) {
		p[i] = (struct probe){ .timer = TIMER_INIT(probe_fn),
				       .order = order, .order_len = &len, .id = i };
		timer_arm(&p[i].timer, now + at[i]);
	}
	idle_until(now + 90 * MS);
	ASSERT_EQ(len, 3);
	EXPECT_EQ(order[0], 1);
	EXPECT_EQ(order[1], 2);
	EXPECT_EQ(order[2], 0);
}

KTEST(time, callback_may_rearm_for_a_periodic_timer)
{
	struct probe p = { .timer = TIMER_INIT(probe_fn), .rearm = 2,
			   .period = 20 * MS };
	uint64_t now = time_monotonic_ns();
	timer_arm(&p.timer, now + 20 * MS);
	idle_until(now + 100 * MS);
	EXPECT_EQ(p.fired, 3);
	EXPECT_GE(p.when, now + 60 * MS);
	EXPECT_FALSE(timer_armed(&p.timer));
}

KTEST(time, callback_may_cancel_another_expired_timer)
{
	struct probe a = { .timer = TIMER_INIT(probe_fn) };
	struct probe b = { .timer = TIMER_INIT(probe_fn) };
	a.cancel = &b.timer;
	/* the same deadline: both expire in one tick, a runs first */
	uint64_t at = time_monotonic_ns() + 20 * MS;
	bool irq = irq_save();
	timer_arm(&a.timer, at);
	timer_arm(&b.timer, at);
	irq_restore(irq);
	idle_until(at + 30 * MS);
	EXPECT_EQ(a.fired, 1);
	EXPECT_EQ(b.fired, 0);
	EXPECT_FALSE(timer_armed(&b.timer));
}

KTEST(time, deadline_in_the_past_fires_on_the_next_tick)
{
	struct probe p = { .timer = TIMER_INIT(probe_fn) };
	uint64_t now = time_monotonic_ns();
	timer_arm(&p.timer, 1);
	idle_until(now + 25 * MS);
	EXPECT_EQ(p.fired, 1);
}
