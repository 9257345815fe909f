/* kernel/time.h: the kernel's clock. CLOCK_MONOTONIC counts from boot,
 * driven by the PIT tick (kernel/arch/x86/pit.c); threads sleeping with a
 * deadline (kernel/wait.h) are woken by the tick that passes it. */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdint.h>

struct thread;

#define NSEC_PER_SEC 1000000000ull

/* Nanoseconds since boot (CLOCK_MONOTONIC). */
uint64_t time_monotonic_ns(void);

/* Called on every timer interrupt, interrupts off: advances the clock and
 * wakes the sleepers whose deadline has passed. */
void time_tick(void);

/* Arm / disarm the current sleep's deadline of t (t->deadline_ns): the
 * tick that reaches it calls thread_wake(t). Interrupts off. Used by
 * kernel/wait.c. */
void time_arm_sleeper(struct thread *t);
void time_disarm_sleeper(struct thread *t);

#endif
