/* kernel/preempt.h: when a thread must give up the CPU. The kernel is not
 * preemptible: a thread switches only where it blocks or yields. The tick
 * asks the running thread to yield every time slice (10 ms); the request is
 * honoured on the way back to user mode (after an interrupt or a system
 * call), and in long kernel loops that call cond_resched(). */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include <stdbool.h>

#define SLICE_MS 10  /* a thread's time slice at nice 0; each step of nice
		        makes it 1.25 times shorter (19: 1 ms) or longer
		        (up to 10 times, 100 ms, from nice -10 up) */

/* The tick: count the running thread's slice down; interrupts off. */
void preempt_tick(void);

/* The scheduler switched threads: the new one, next, starts a fresh
 * slice, as long as its nice value says. */
struct thread;
void preempt_switched(struct thread *next);

/* True if the tick asked the running thread to yield (inline: every
 * return to user mode asks). */
extern volatile bool preempt_pending;
static inline bool preempt_requested(void)
{
	return preempt_pending;
}

/* On the way back to user mode (interrupts off): yield if the slice is
 * over. */
void preempt_return_to_user(void);

/* Yield the CPU if the tick asked for it and interrupts are on (no
 * spinlock held). Call it at safe points of loops that may run long in
 * the kernel (copying a big buffer, writing a long console output). */
void cond_resched(void);

#endif
