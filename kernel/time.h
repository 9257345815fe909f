/* kernel/time.h: the kernel's clocks, its timers and CPU-time accounting.
 * CLOCK_MONOTONIC counts from boot: whole ticks of the PIT
 * (kernel/arch/x86/pit.c) plus, between two ticks, the TSC's count since
 * the last one. CLOCK_REALTIME is CLOCK_MONOTONIC plus an offset set from
 * the CMOS clock at boot (and by settimeofday). A timer is a callback the
 * tick runs once CLOCK_MONOTONIC reaches its deadline; threads sleeping
 * with a deadline (kernel/wait.h) are woken by one. docs/time.md. */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdbool.h>
#include <stdint.h>

struct proc;
struct rusage32;
struct thread;

#define NSEC_PER_SEC 1000000000ull
#define NSEC_PER_MSEC 1000000ull
#define NSEC_PER_USEC 1000ull
#define USER_HZ 100  /* clock_t units (times(), AT_CLKTCK), as Linux's */

/* A thread's CPU time (fields of struct thread, kept by kernel/time.c with
 * interrupts off). run_ns is exact (the clock read at every switch); the
 * ticks only say how to split it between user and system time, as Linux
 * does (cputime_adjust). */
struct cputime {
	uint64_t run_ns;        /* on the CPU, not counting the current stint */
	uint64_t since_ns;      /* CLOCK_MONOTONIC when it last got the CPU */
	uint32_t user_ticks;    /* ticks that found it in ring 3 */
	uint32_t sys_ticks;     /* ticks that found it in the kernel */
	uint32_t nvcsw, nivcsw; /* switches away: blocked / preempted */
};

/* Resource usage, summed (getrusage, times, wait4). */
struct usage {
	uint64_t user_ns, sys_ns;
	uint32_t minflt;        /* page faults served without I/O */
	uint32_t nvcsw, nivcsw;
};

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

/* Calibrate the TSC and read the CMOS clock. Once, at boot, before
 * pit_init(); interrupts off. */
void time_init(void);

/* Nanoseconds since boot (CLOCK_MONOTONIC): never goes back. */
uint64_t time_monotonic_ns(void);

/* The same, at the last tick (CLOCK_MONOTONIC_COARSE): cheaper, coarser. */
uint64_t time_monotonic_coarse_ns(void);

/* The resolution of time_monotonic_ns(): 1 ns with a calibrated TSC,
 * otherwise one tick. */
uint64_t time_resolution_ns(void);

/* The tick's period in ns (the coarse clocks' resolution). */
uint64_t time_tick_ns(void);

/* CLOCK_REALTIME in ns since the Unix epoch, and setting it. */
int64_t time_realtime_ns(void);
int64_t time_realtime_coarse_ns(void);
void time_set_realtime_ns(int64_t ns);

/* Called on every timer interrupt, interrupts off: advances the clock,
 * charges the tick to the running thread (from_user: it was in ring 3),
 * and runs the timers whose deadline has passed. */
void time_tick(bool from_user);

/* The scheduler's hooks, interrupts off: prev stops running (at the top
 * of every schedule()), and t starts (prev: the thread that ran before,
 * whose switch away is counted if it is not t). */
void time_cpu_stop(struct thread *prev);
void time_cpu_start(struct thread *t, struct thread *prev);

/* CPU time of one thread, and of a whole process (its live threads plus
 * the ones that exited), split into user and system time. */
void time_thread_usage(struct thread *t, struct usage *u);
void time_proc_usage(struct proc *p, struct usage *u);

/* Thread t of p is exiting (it is running): its CPU time goes into
 * p->usage_exited. proc_lock held. */
void time_thread_exit(struct proc *p, struct thread *t);

/* p's last thread is ending it: its address space's fault count goes into
 * p->usage_exited, before the address space is freed. */
void time_proc_exit(struct proc *p);

/* parent reaps child: child's usage and that of the children it reaped
 * (returned in *u, what wait4 reports) count as parent's children's usage
 * (RUSAGE_CHILDREN, times()). */
void time_reap_child(struct proc *parent, struct proc *child,
		     struct usage *u);
/* A child's usage and its reaped children's (Linux's RUSAGE_BOTH), leaving
 * both as they are: for a zombie, what reaping it would hand its parent
 * (waitid with WNOWAIT); for a live child, its usage so far (a stop or
 * continue report). proc_lock held. */
void time_child_usage(struct proc *child, struct usage *u);

/* Fill a Linux i386 struct rusage (72 bytes, kernel/uapi/time.h) from u. */
void time_fill_rusage(struct rusage32 *r, const struct usage *u);

/* Arm / disarm the deadline of t's current sleep: the tick that reaches
 * deadline_ns calls thread_wake(t). Used by kernel/wait.c. */
void time_arm_sleeper(struct thread *t, uint64_t deadline_ns);
void time_disarm_sleeper(struct thread *t);

#endif
