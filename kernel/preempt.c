/* kernel/preempt.c: time slices (kernel/preempt.h). One CPU: the request
 * is a flag the tick sets and a switch clears. */
#include "kernel/preempt.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/thread.h"
#include "kernel/watchdog.h"

#define SLICE_TICKS (TICK_HZ * SLICE_MS / 1000)

static volatile unsigned slice_left = SLICE_TICKS;  /* interrupts off */
volatile bool preempt_pending;  /* preempt.h's preempt_requested() */

void preempt_tick(void)
{
	if (slice_left > 0)
		slice_left--;
	if (slice_left == 0)
		preempt_pending = true;
}

void preempt_switched(void)
{
	slice_left = SLICE_TICKS;
	preempt_pending = false;
}

void preempt_return_to_user(void)
{
	if (preempt_pending) {
		preempt_pending = false;  /* alone on the run queue: a new slice */
		slice_left = SLICE_TICKS;
		thread_yield();
	}
}

void cond_resched(void)
{
	watchdog_touch();  /* a safe point: the loop is going somewhere */
	if (preempt_pending && (read_eflags() & EFLAGS_IF)) {
		preempt_pending = false;  /* alone on the run queue: a new slice */
		slice_left = SLICE_TICKS;
		thread_yield();
	}
}
