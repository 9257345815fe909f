/* kernel/time.c: the monotonic clock and the list of sleepers with a
 * deadline. The clock advances one tick (1/TICK_HZ s) per timer interrupt. */
#include "kernel/time.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/panic.h"
#include "kernel/thread.h"

#define NSEC_PER_TICK (NSEC_PER_SEC / TICK_HZ)

static volatile uint64_t ticks;  /* since pit_init() */
static struct thread *sleepers;  /* armed, earliest deadline first */

uint64_t time_monotonic_ns(void)
{
	bool irq = irq_save();  /* a 64-bit read is two loads */
	uint64_t t = ticks;
	irq_restore(irq);
	return t * NSEC_PER_TICK;
}

void time_arm_sleeper(struct thread *t)
{
	struct thread **pp = &sleepers;
	while (*pp && (*pp)->deadline_ns <= t->deadline_ns)
		pp = &(*pp)->timer_next;
	t->timer_next = *pp;
	*pp = t;
}

void time_disarm_sleeper(struct thread *t)
{
	for (struct thread **pp = &sleepers; *pp; pp = &(*pp)->timer_next) {
		if (*pp == t) {
			*pp = t->timer_next;
			t->timer_next = NULL;
			return;
		}
	}
}

void time_tick(void)
{
	ticks++;
	uint64_t now = ticks * NSEC_PER_TICK;
	while (sleepers && sleepers->deadline_ns <= now) {
		struct thread *t = sleepers;
		sleepers = t->timer_next;
		t->timer_next = NULL;
		thread_wake(t);
	}
}
