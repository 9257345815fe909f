/* kernel/watchdog.h: the soft-lockup watchdog. The kernel is not
 * preemptible, so a thread that loops in ring 0 holds the CPU for good.
 * Every switch and every entry from user mode is progress; the timer tick
 * that finds the running thread in the kernel with no progress for
 * longer than the threshold (5 s) reports it on the console, once per
 * episode, with the interrupted registers' backtrace, and lets it run on
 * (as Linux's soft-lockup detector does). A loop with interrupts off gets
 * no tick, so it goes unseen (Linux needs an NMI for that). */
#ifndef KERNEL_WATCHDOG_H
#define KERNEL_WATCHDOG_H

#include <stdint.h>

struct trapframe;

#define WATCHDOG_DEFAULT_MS 5000

/* Ticks the running thread has spent in the kernel since the last
 * progress; only the tick and watchdog_touch() write it. */
extern volatile uint32_t watchdog_stuck_ticks;

/* Progress: the CPU switched threads, or entered the kernel from user
 * mode (a trap, a fault, a system call), or a long kernel loop reached a
 * safe point (cond_resched). One store: cheap on every system call. */
static inline void watchdog_touch(void)
{
	watchdog_stuck_ticks = 0;
}

/* From the tick, tf being the interrupted kernel context: report the
 * running thread if it has made no progress for the threshold. */
void watchdog_check(const struct trapframe *tf);

/* Set the threshold in ms (tests shorten it); returns the old one. */
uint32_t watchdog_set_threshold_ms(uint32_t ms);

/* How many reports so far, and the tid of the last thread reported. */
uint32_t watchdog_reports(int *last_tid);

#endif
