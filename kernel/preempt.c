/* kernel/preempt.c: time slices (kernel/preempt.h). One CPU: the request
 * is a flag the tick sets and a switch clears. */
#include "kernel/preempt.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/thread.h"
#include "kernel/watchdog.h"

#define SLICE_TICKS (TICK_HZ * SLICE_MS / 1000)

static volatile unsigned slice_left = SLICE_TICKS;  /* interrupts off */

/* A thread's slice, in tenths of the nice-0 slice, by nice value (-20
 * first): 1.25 times longer for each step below 0, 1.25 times shorter
 * for each step above (the share of the CPU Linux gives a nice value
 * against nice 0), at most ten slices. Two busy threads at nice 0 and 19
 * get about 10 ms to 1 ms. A table, so a switch pays one load. */
static const uint8_t slice_tenths[40] = {
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  /* -20..-11 */
	93, 74, 59, 47, 38, 30, 24, 19, 15, 12,            /* -10..-1 */
	10, 7, 6, 5, 4, 3, 2, 2, 1, 1,                     /* 0..9 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1,                      /* 10..19 */
};

static unsigned slice_ticks(int nice)
{
	unsigned t = SLICE_TICKS * slice_tenths[nice + 20] / 10;
	return t ? t : 1;
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
