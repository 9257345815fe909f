/* kernel/time.h: the kernel's clock and its timers. CLOCK_MONOTONIC counts
 * from boot, driven by the PIT tick (kernel/arch/x86/pit.c). A timer is a
 * callback the tick runs once CLOCK_MONOTONIC reaches its deadline; threads
 * sleeping with a deadline (kernel/wait.h) are woken by one. */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdbool.h>
#include <stdint.h>

struct thread;

#define NSEC_PER_SEC 1000000000ull
#define NSEC_PER_MSEC 1000000ull

/* A one-shot callback timer (as Linux's timer_list / hrtimer). Embed it in
 * the object it belongs to and find the object in fn with container_of-style
 * arithmetic. Fields are the timer code's while armed; the owner sets fn
 * (timer_init) and reads deadline_ns. */
struct timer {
	uint64_t deadline_ns;            /* CLOCK_MONOTONIC ns at which fn runs */
	void (*fn)(struct timer *t);     /* runs in the tick, interrupts off */
	struct timer *next;              /* in the armed list, earliest first */
	bool armed;                      /* queued, fn not yet called */
};

#define TIMER_INIT(f) { 0, (f), 0, false }

/* Set t up, disarmed, to call fn when it fires. */
void timer_init(struct timer *t, void (*fn)(struct timer *t));

/* Arm t to fire once CLOCK_MONOTONIC reaches deadline_ns: the first tick
 * at or after the deadline calls t->fn(t) with interrupts off, after
 * marking t disarmed (so fn may arm t again, for a periodic timer, with a
 * later deadline). Arming an armed timer moves its deadline. A deadline
 * already past fires on the next tick. Safe with interrupts on or off and
 * from a timer callback. fn must not sleep: it may wake threads
 * (thread_wake, waitq_wake_*) and take spinlocks. */
void timer_arm(struct timer *t, uint64_t deadline_ns);

/* Disarm t. Returns true if it was armed (fn will not run), false if it
 * was not (it never was, or fn already ran). Safe anywhere timer_arm is. */
bool timer_cancel(struct timer *t);

/* True while t is armed. */
bool timer_armed(const struct timer *t);

/* Nanoseconds since boot (CLOCK_MONOTONIC). */
uint64_t time_monotonic_ns(void);

/* Called on every timer interrupt, interrupts off: advances the clock and
 * runs the timers whose deadline has passed. */
void time_tick(void);

/* Arm / disarm the deadline of t's current sleep: the tick that reaches
 * deadline_ns calls thread_wake(t). Used by kernel/wait.c. */
void time_arm_sleeper(struct thread *t, uint64_t deadline_ns);
void time_disarm_sleeper(struct thread *t);

#endif
