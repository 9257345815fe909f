/* kernel/time.c: the clocks, the armed timers and CPU-time accounting.
 * The clock advances one tick (1/TICK_HZ s) per timer interrupt; between
 * two ticks the TSC, calibrated at boot, tells how far past the last tick
 * we are. The tick runs every timer whose deadline it reached, and charges
 * itself to the thread it interrupted. The system calls on clocks are in
 * kernel/clock.c. */
#include "kernel/time.h"

#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/pit.h"
#include "kernel/arch/x86/rtc.h"
#include "kernel/arch/x86/tsc.h"
#include "kernel/console.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/preempt.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/uapi/time.h"
#include "mm/as.h"

#define NSEC_PER_TICK (NSEC_PER_SEC / TICK_HZ)
#define TSC_SHIFT 24

/* The clock: written by the tick, read with interrupts off (64-bit values
 * are two loads). */
static volatile uint64_t ticks;     /* since pit_init() */
static volatile uint64_t tick_tsc;  /* the TSC at the last tick */
static uint64_t tsc_per_tick;       /* 0: no usable TSC */
static uint64_t tsc_mult;           /* ns = cycles * tsc_mult >> TSC_SHIFT */
static volatile int64_t realtime_offset;  /* CLOCK_REALTIME - MONOTONIC */

/* Armed timers, earliest deadline first, and (during a tick) the expired
 * ones not yet run. Guarded by timers_lock; the tick takes it too. */
static struct spinlock timers_lock = SPINLOCK_INIT("timers");
static struct timer *armed;
static struct timer *expiring;

void time_init(void)
{
	uint64_t hz = tsc_calibrate();
	if (hz) {
		tsc_per_tick = hz / TICK_HZ;
		tsc_mult = (NSEC_PER_SEC << TSC_SHIFT) / hz;
		tick_tsc = rdtsc();
	}
	int64_t epoch = rtc_read_epoch();
	if (epoch < 0)
		epoch = 0;
	realtime_offset = epoch * (int64_t)NSEC_PER_SEC;
	pr_info("time: TSC %u kHz, %u Hz tick, RTC says %u s since the epoch\n",
		(uint32_t)(hz / 1000), TICK_HZ, (uint32_t)epoch);
}

/* ns since the last tick, from the TSC; below one tick so the clock never
 * overtakes the next tick's value. Interrupts off. */
static uint64_t since_tick_ns(void)
{
	if (!tsc_per_tick)
		return 0;
	uint64_t d = rdtsc() - tick_tsc;
	if (d >= tsc_per_tick)
		return NSEC_PER_TICK - 1;
	uint64_t ns = (d * tsc_mult) >> TSC_SHIFT;
	return ns < NSEC_PER_TICK ? ns : NSEC_PER_TICK - 1;
}

uint64_t time_monotonic_ns(void)
{
	bool irq = irq_save();
	uint64_t t = ticks * NSEC_PER_TICK + since_tick_ns();
	irq_restore(irq);
	return t;
}

uint64_t time_monotonic_coarse_ns(void)
{
	bool irq = irq_save();
	uint64_t t = ticks;
	irq_restore(irq);
	return t * NSEC_PER_TICK;
}

uint64_t time_resolution_ns(void)
{
	return tsc_per_tick ? 1 : NSEC_PER_TICK;
}

uint64_t time_tick_ns(void)
{
	return NSEC_PER_TICK;
}

int64_t time_realtime_ns(void)
{
	bool irq = irq_save();
	int64_t t = (int64_t)time_monotonic_ns() + realtime_offset;
	irq_restore(irq);
	return t;
}

int64_t time_realtime_coarse_ns(void)
{
	bool irq = irq_save();
	int64_t t = (int64_t)time_monotonic_coarse_ns() + realtime_offset;
	irq_restore(irq);
	return t;
}

void time_set_realtime_ns(int64_t ns)
{
	bool irq = irq_save();
	realtime_offset = ns - (int64_t)time_monotonic_ns();
	irq_restore(irq);
}

void timer_init(struct timer *t, void (*fn)(struct timer *t))
{
	t->deadline_ns = 0;
	t->fn = fn;
	t->next = NULL;
	t->armed = false;
}

/* Take t off whichever list holds it. timers_lock held, t armed. */
static void unlink_timer(struct timer *t)
{
	struct timer **lists[2] = { &armed, &expiring };
	for (int i = 0; i < 2; i++) {
		for (struct timer **pp = lists[i]; *pp; pp = &(*pp)->next) {
			if (*pp == t) {
				*pp = t->next;
				t->next = NULL;
				t->armed = false;
				return;
			}
		}
	}
	panic("timer %p armed but on no list", t);
}

void timer_arm(struct timer *t, uint64_t deadline_ns)
{
	KASSERT(t->fn);
	spin_lock(&timers_lock);
	if (t->armed)
		unlink_timer(t);
	t->deadline_ns = deadline_ns;
	struct timer **pp = &armed;
	while (*pp && (*pp)->deadline_ns <= deadline_ns)
		pp = &(*pp)->next;
	t->next = *pp;
	*pp = t;
	t->armed = true;
	spin_unlock(&timers_lock);
}

bool timer_cancel(struct timer *t)
{
	spin_lock(&timers_lock);
	bool was = t->armed;
	if (was)
		unlink_timer(t);
	spin_unlock(&timers_lock);
	return was;
}

bool timer_armed(const struct timer *t)
{
	return t->armed;
}

/* Run the timers whose deadline is at or before now. The expired ones are
 * first moved to their own list, so that a callback that arms a timer
 * (even in the past) cannot make this loop endless, and a callback that
 * cancels another expired timer stops it from running. */
static void run_timers(uint64_t now)
{
	spin_lock(&timers_lock);
	struct timer **tail = &armed;
	while (*tail && (*tail)->deadline_ns <= now)
		tail = &(*tail)->next;
	if (tail != &armed) {  /* detach [armed, *tail) */
		expiring = armed;
		armed = *tail;
		*tail = NULL;
	}
	while (expiring) {
		struct timer *t = expiring;
		expiring = t->next;
		t->next = NULL;
		t->armed = false;
		spin_unlock(&timers_lock);
		t->fn(t);
		spin_lock(&timers_lock);
	}
	spin_unlock(&timers_lock);
}

void time_tick(bool from_user)
{
	ticks++;
	if (tsc_per_tick)
		tick_tsc = rdtsc();
	struct thread *t = thread_current();
	if (t->state == THREAD_RUNNABLE) {  /* not the idle loop's halt */
		if (from_user)
			t->cpu.user_ticks++;
		else
			t->cpu.sys_ticks++;
	}
	preempt_tick();
	run_timers(ticks * NSEC_PER_TICK);
}

static void wake_sleeper(struct timer *t)
{
	struct thread *th = (struct thread *)((char *)t -
					      offsetof(struct thread, sleep_timer));
	thread_wake(th);
}

void time_arm_sleeper(struct thread *t, uint64_t deadline_ns)
{
	if (t->sleep_timer.fn != wake_sleeper)
		timer_init(&t->sleep_timer, wake_sleeper);
	timer_arm(&t->sleep_timer, deadline_ns);
}

void time_disarm_sleeper(struct thread *t)
{
	timer_cancel(&t->sleep_timer);
}

void time_cpu_stop(struct thread *prev)
{
	uint64_t now = time_monotonic_ns();
	if (now > prev->cpu.since_ns)
		prev->cpu.run_ns += now - prev->cpu.since_ns;
	prev->cpu.since_ns = now;
}

void time_cpu_start(struct thread *t, struct thread *prev)
{
	t->cpu.since_ns = time_monotonic_ns();
	if (prev == t)
		return;
	if (prev->state == THREAD_RUNNABLE)
		prev->cpu.nivcsw++;
	else
		prev->cpu.nvcsw++;
}

void time_thread_usage(struct thread *t, struct usage *u)
{
	bool irq = irq_save();
	uint64_t run = t->cpu.run_ns;
	if (t == thread_current()) {
		uint64_t now = time_monotonic_ns();
		if (now > t->cpu.since_ns)
			run += now - t->cpu.since_ns;
	}
	uint64_t ut = t->cpu.user_ticks, st = t->cpu.sys_ticks;
	u->nvcsw = t->cpu.nvcsw;
	u->nivcsw = t->cpu.nivcsw;
	irq_restore(irq);
	/* Split the exact run time as the ticks split (Linux's
	 * cputime_adjust): with no tick seen, it is all user time. */
	if (st == 0)
		u->user_ns = run;
	else if (ut == 0)
		u->user_ns = 0;
	else
		u->user_ns = run / (ut + st) * ut + run % (ut + st) * ut / (ut + st);
	u->sys_ns = run - u->user_ns;
	u->minflt = 0;
}

static void add_usage(struct usage *to, const struct usage *u)
{
	to->user_ns += u->user_ns;
	to->sys_ns += u->sys_ns;
	to->minflt += u->minflt;
	to->nvcsw += u->nvcsw;
	to->nivcsw += u->nivcsw;
}

void time_proc_usage(struct proc *p, struct usage *u)
{
	bool irq = irq_save();  /* its threads cannot come or go meanwhile */
	*u = p->usage_exited;
	if (p->state == PROC_LIVE) {
		for (struct thread *t = p->threads; t; t = t->group_next) {
			struct usage tu;
			time_thread_usage(t, &tu);
			add_usage(u, &tu);
		}
		if (p->as)
			u->minflt += p->as->minor_faults;
	}
	irq_restore(irq);
}

void time_thread_exit(struct proc *p, struct thread *t)
{
	struct usage u;
	time_thread_usage(t, &u);
	add_usage(&p->usage_exited, &u);
}

void time_proc_exit(struct proc *p)
{
	if (p->as)
		p->usage_exited.minflt += p->as->minor_faults;
}

void time_child_usage(struct proc *child, struct usage *u)
{
	time_proc_usage(child, u);  /* a zombie's is its usage_exited */
	add_usage(u, &child->usage_children);
}

void time_reap_child(struct proc *parent, struct proc *child,
		     struct usage *u)
{
	time_child_usage(child, u);
	add_usage(&parent->usage_children, u);
}

void time_fill_rusage(struct rusage32 *r, const struct usage *u)
{
	*r = (struct rusage32){ 0 };
	r->ru_utime.tv_sec = (int32_t)(u->user_ns / NSEC_PER_SEC);
	r->ru_utime.tv_usec = (int32_t)(u->user_ns % NSEC_PER_SEC / 1000);
	r->ru_stime.tv_sec = (int32_t)(u->sys_ns / NSEC_PER_SEC);
	r->ru_stime.tv_usec = (int32_t)(u->sys_ns % NSEC_PER_SEC / 1000);
	r->ru_minflt = (int32_t)u->minflt;
	r->ru_nvcsw = (int32_t)u->nvcsw;
	r->ru_nivcsw = (int32_t)u->nivcsw;
}
