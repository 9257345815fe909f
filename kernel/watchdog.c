/* kernel/watchdog.c: the soft-lockup watchdog (kernel/watchdog.h). One
 * CPU: the state is a few variables only touched with interrupts off (the
 * tick, the switch, trap entry) or read by tests. */
#include "kernel/watchdog.h"

#include <stdbool.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/dump.h"
#include "kernel/console.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"

static uint64_t last_progress_ns;  /* interrupts off to write */
static bool reported;              /* this episode was reported */
static uint32_t threshold_ms = WATCHDOG_DEFAULT_MS;
static uint32_t nreports;
static int last_reported_tid;

void watchdog_touch(void)
{
	last_progress_ns = time_monotonic_ns();
	reported = false;
}

void watchdog_check(const struct trapframe *tf)
{
	struct thread *t = thread_current();
	/* A blocked current thread is the idle loop's halt: not a hog. */
	if (t->state != THREAD_RUNNABLE) {
		watchdog_touch();
		return;
	}
	uint64_t now = time_monotonic_ns();
	uint64_t stuck_ms = (now - last_progress_ns) / 1000000;
	if (reported || stuck_ms < threshold_ms)
		return;
	reported = true;
	nreports++;
	last_reported_tid = t->tid;
	kprintf("watchdog: thread %d (%s) has run in the kernel for %llu ms "
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
