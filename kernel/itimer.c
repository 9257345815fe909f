/* kernel/itimer.c: ITIMER_REAL, as Linux: one timer per process that
 * sends it SIGALRM (si_code SI_KERNEL) when CLOCK_MONOTONIC reaches its
 * deadline, rearmed by its interval. alarm() is setitimer in seconds. */
#include "kernel/itimer.h"

#include <stddef.h>

#include "kernel/lock.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

#define ITIMER_REAL 0
#define USEC_NS 1000ull

/* struct itimerval with 32-bit timevals (i386). */
struct itimerval32 {
	int32_t interval_sec, interval_usec;
	int32_t value_sec, value_usec;
};

/* Guards every process's real_timer and real_interval_ns. */
static struct spinlock itimer_lock = SPINLOCK_INIT("itimer");

/* The tick: SIGALRM for the timer's process, and the next period. */
static void fire(struct timer *t)
{
	struct proc *p = (struct proc *)((char *)t -
					 offsetof(struct proc, sig.real_timer));
	spin_lock(&itimer_lock);
	if (p->sig.real_interval_ns)
		timer_arm(t, t->deadline_ns + p->sig.real_interval_ns);
	spin_unlock(&itimer_lock);
	signal_send(p, SIGALRM, NULL);
}

void itimer_exit(struct proc *p)
{
	spin_lock(&itimer_lock);
	if (p->sig.real_timer.fn)
		timer_cancel(&p->sig.real_timer);
	p->sig.real_interval_ns = 0;
	spin_unlock(&itimer_lock);
}

static uint64_t to_ns(int32_t sec, int32_t usec)
{
	return (uint64_t)sec * NSEC_PER_SEC + (uint64_t)usec * USEC_NS;
}

static void from_ns(uint64_t ns, int32_t *sec, int32_t *usec)
{
	*sec = (int32_t)(ns / NSEC_PER_SEC);
	*usec = (int32_t)(ns % NSEC_PER_SEC / USEC_NS);
}

/* Read the running process's timer into *old and, if new is not NULL,
 * set it. A timer still armed never reads as zero (Linux: 1 us). */
static void exchange(const struct itimerval32 *new, struct itimerval32 *old)
{
	struct proc *p = proc_current();
	struct timer *t = &p->sig.real_timer;
	spin_lock(&itimer_lock);
	if (!t->fn)
		timer_init(t, fire);
	uint64_t left = 0, now = time_monotonic_ns();
	if (timer_armed(t))
		left = t->deadline_ns > now ? t->deadline_ns - now : USEC_NS;
	from_ns(left, &old->value_sec, &old->value_usec);
	from_ns(p->sig.real_interval_ns, &old->interval_sec, &old->interval_usec);
	if (new) {
		uint64_t value = to_ns(new->value_sec, new->value_usec);
		p->sig.real_interval_ns = value ? to_ns(new->interval_sec,
							new->interval_usec) : 0;
		if (value)
			timer_arm(t, now + value);
		else
			timer_cancel(t);
	}
	spin_unlock(&itimer_lock);
}

static bool valid(int32_t sec, int32_t usec)
{
	return sec >= 0 && usec >= 0 && usec < 1000000;
}

long sys_setitimer(uint32_t which, uint32_t unew, uint32_t uold, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	struct itimerval32 new = { 0, 0, 0, 0 }, old;
	if (which != ITIMER_REAL)
		return -EINVAL;  /* ITIMER_VIRTUAL and ITIMER_PROF: not kept */
	if (unew && copy_from_user(&new, (void *)unew, sizeof(new)))
		return -EFAULT;
	if (!valid(new.value_sec, new.value_usec) ||
	    !valid(new.interval_sec, new.interval_usec))
		return -EINVAL;
	exchange(&new, &old);  /* NULL new disarms it, as Linux */
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(uint32_t which, uint32_t ucur, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	struct itimerval32 cur;
	if (which != ITIMER_REAL)
		return -EINVAL;
	exchange(NULL, &cur);
	return copy_to_user((void *)ucur, &cur, sizeof(cur)) ? -EFAULT : 0;
}

/* alarm(seconds): the seconds left of the previous alarm, rounded to
 * the nearest (at least 1 if one was armed), as Linux. */
long sys_alarm(uint32_t seconds, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct itimerval32 new = { 0, 0, (int32_t)(seconds & 0x7fffffff), 0 };
	struct itimerval32 old;
	exchange(&new, &old);
	if ((!old.value_sec && old.value_usec) || old.value_usec >= 500000)
		old.value_sec++;
	return old.value_sec;
}
