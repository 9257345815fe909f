/* kernel/watchdog.c: the soft-lockup watchdog (kernel/watchdog.h). One
 * CPU: the tick counts the ticks it finds the same thread in the kernel
 * (watchdog_stuck_ticks); every sign of progress sets the count back to
 * zero; the count reaching the threshold is one report. */
#include "kernel/watchdog.h"

#include <stdbool.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/dump.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/console.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"

volatile uint32_t watchdog_stuck_ticks;
static uint32_t threshold_ms = WATCHDOG_DEFAULT_MS;
static uint32_t nreports;
static int last_reported_tid;

void watchdog_check(const struct trapframe *tf)
{
	struct thread *t = thread_current();
	/* A blocked current thread is the idle loop's halt: not a hog. */
	if (t->state != THREAD_RUNNABLE) {
		watchdog_touch();
		return;
	}
	uint32_t stuck_ms = ++watchdog_stuck_ticks * (1000 / TICK_HZ);
	if (stuck_ms != threshold_ms)  /* once per episode: exactly then */
		return;
	nreports++;
	last_reported_tid = t->tid;
	kprintf("watchdog: thread %d (%s) has run in the kernel for %u ms "
		"without a switch or a return to user mode\n", t->tid,
		t->proc ? t->proc->name : "kernel", stuck_ms);
	dump_backtrace(tf);
}

uint32_t watchdog_set_threshold_ms(uint32_t ms)
{
	uint32_t old = threshold_ms;
	threshold_ms = ms;
	return old;
}

uint32_t watchdog_reports(int *last_tid)
{
	if (last_tid)
		*last_tid = last_reported_tid;
	return nreports;
}
