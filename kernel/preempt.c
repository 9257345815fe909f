/* kernel/preempt.c: time slices (kernel/preempt.h). One CPU: the request
 * is a flag the tick sets and a switch clears. */
#include "kernel/preempt.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/thread.h"
#include "kernel/watchdog.h"

#define SLICE_TICKS (TICK_HZ * SLICE_MS / 1000)

static volatile unsigned slice_left = SLICE_TICKS;  /* interrupts off */

/* A thread's slice in ticks: SLICE_TICKS at nice 0, times 1.25 for each
 * step below, divided by 1.25 for each step above (the share of the CPU
 * Linux gives a nice value against nice 0), between 1 tick and ten
 * slices. Two busy threads at nice 0 and 19 get about 10 ms to 1 ms. */
static unsigned slice_ticks(int nice)
{
	unsigned weight = 1024;  /* nice 0 */
	for (int n = nice; n > 0 && weight > 1; n--)
		weight = weight * 4 / 5;
	for (int n = nice; n < 0 && weight < 10 * 1024; n++)
		weight = weight * 5 / 4;
	unsigned t = SLICE_TICKS * weight / 1024;
	return t < 1 ? 1 : t > 10 * SLICE_TICKS ? 10 * SLICE_TICKS : t;
}

volatile bool preempt_pending;  /* preempt.h's preempt_requested() */

void preempt_tick(void)
{
	if (slice_left > 0)
		slice_left--;
	if (slice_left == 0)
		preempt_pending = true;
}

void preempt_switched(struct thread *next)
{
	slice_left = slice_ticks(next->nice);
	preempt_pending = false;
}

void preempt_return_to_user(void)
{
	if (preempt_pending) {
		preempt_pending = false;  /* alone on the run queue: a new slice */
		slice_left = slice_ticks(thread_current()->nice);
		thread_yield();
	}
}

void cond_resched(void)
{
	watchdog_touch();  /* a safe point: the loop is going somewhere */
	if (preempt_pending && (read_eflags() & EFLAGS_IF)) {
		preempt_pending = false;  /* alone on the run queue: a new slice */
		slice_left = slice_ticks(thread_current()->nice);
		thread_yield();
	}
}
