/* kernel/clock.c: the system calls on clocks and sleeping: clock_gettime,
 * clock_getres, clock_settime, clock_nanosleep (each in its 32-bit and its
 * *_time64 form), nanosleep, gettimeofday, settimeofday, time, stime,
 * times, getrusage, sysinfo and restart_syscall. The clocks themselves are
 * kernel/time.c's. */
#include "kernel/clock.h"

#include "kernel/proc.h"
#include "kernel/restart.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/time.h"
#include "kernel/wait.h"
#include "mm/as.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

#define KTIME_MAX INT64_MAX
#define KTIME_SEC_MAX (KTIME_MAX / (int64_t)NSEC_PER_SEC)

static struct timezone32 sys_tz;  /* settimeofday's, reported back */

/* Read a user timespec of either width as ns; -EFAULT, or -EINVAL when
 * tv_nsec is not in [0, 1e9) or tv_sec is negative. Seconds past what a
 * 64-bit ns count holds saturate. */
static int get_timespec(uint32_t uaddr, bool t64, int64_t *ns)
{
	int64_t sec;
	int32_t nsec;
	if (t64) {
		struct timespec64 ts;
		if (copy_from_user(&ts, (void *)uaddr, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = (int32_t)ts.tv_nsec;  /* i386: the padding is ignored */
	} else {
		struct timespec32 ts;
		if (copy_from_user(&ts, (void *)uaddr, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= (int32_t)NSEC_PER_SEC)
		return -EINVAL;
	*ns = sec >= KTIME_SEC_MAX ? KTIME_MAX
				   : sec * (int64_t)NSEC_PER_SEC + nsec;
	return 0;
}

/* Write ns as a user timespec of either width (the 32-bit one truncates
 * seconds, as Linux's old_timespec32 does). */
static int put_timespec(uint32_t uaddr, bool t64, int64_t ns)
{
	int64_t sec = ns / (int64_t)NSEC_PER_SEC;
	int32_t nsec = (int32_t)(ns % (int64_t)NSEC_PER_SEC);
	if (nsec < 0) {  /* before the epoch: tv_nsec is never negative */
		sec--;
		nsec += (int32_t)NSEC_PER_SEC;
	}
	if (t64) {
		struct timespec64 ts = { sec, nsec };
		return copy_to_user((void *)uaddr, &ts, sizeof(ts)) ? -EFAULT : 0;
	}
	struct timespec32 ts = { (int32_t)sec, nsec };
	return copy_to_user((void *)uaddr, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* A dynamic CPU clock (negative id) of the calling thread or process:
 * the pid in it must be 0 or the caller's own. */
static int cpu_clock_read(int32_t id, int64_t *ns)
{
	int pid = ~(id >> 3);
	int how = id & CPUCLOCK_CLOCK_MASK;
	struct proc *p = proc_current();
	if (how == 3 || !p || (pid != 0 && pid != p->pid))
		return -EINVAL;
	struct usage u;
	if (id & CPUCLOCK_PERTHREAD_MASK)
		time_thread_usage(thread_current(), &u);
	else
		time_proc_usage(p, &u);
	*ns = (int64_t)(how == 1 ? u.user_ns : u.user_ns + u.sys_ns);
	return 0;
}

int clock_read(int32_t id, int64_t *ns)
{
	struct usage u;
	switch (id) {
	case CLOCK_REALTIME: case CLOCK_TAI:
		*ns = time_realtime_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = time_realtime_coarse_ns();
		return 0;
	case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_BOOTTIME:
		*ns = (int64_t)time_monotonic_ns();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = (int64_t)time_monotonic_coarse_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		if (!proc_current())
			return -EINVAL;
		time_proc_usage(proc_current(), &u);
		*ns = (int64_t)(u.user_ns + u.sys_ns);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		time_thread_usage(thread_current(), &u);
		*ns = (int64_t)(u.user_ns + u.sys_ns);
		return 0;
	default:
		return id < 0 ? cpu_clock_read(id, ns) : -EINVAL;
	}
}

static long do_clock_gettime(uint32_t id, uint32_t uts, bool t64)
{
	int64_t ns;
	int r = clock_read((int32_t)id, &ns);
	return r ? r : put_timespec(uts, t64, ns);
}

static long do_clock_getres(uint32_t id, uint32_t uts, bool t64)
{
	int64_t ns, res;
	int r = clock_read((int32_t)id, &ns);  /* the same ids are valid */
	if (r)
		return r;
	switch (id) {
	case CLOCK_REALTIME_COARSE: case CLOCK_MONOTONIC_COARSE:
		res = (int64_t)time_tick_ns();
		break;
	case CLOCK_REALTIME: case CLOCK_TAI: case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW: case CLOCK_BOOTTIME:
		res = (int64_t)time_resolution_ns();
		break;
	default:  /* CPU-time clocks: read at every switch, to the ns */
		res = 1;
	}
	return uts ? put_timespec(uts, t64, res) : 0;
}

static long do_clock_settime(uint32_t id, uint32_t uts, bool t64)
{
	int64_t ns;
	if (id != CLOCK_REALTIME) {
		/* A CPU clock cannot be set (EPERM); the others have no
		 * setter (EINVAL), as on Linux. */
		bool cpu = id == CLOCK_PROCESS_CPUTIME_ID ||
			   id == CLOCK_THREAD_CPUTIME_ID ||
			   ((int32_t)id < 0 && clock_read((int32_t)id, &ns) == 0);
		return cpu ? -EPERM : -EINVAL;
	}
	int r = get_timespec(uts, t64, &ns);
	if (r)
		return r;
	time_set_realtime_ns(ns);
	return 0;
}

long sys_clock_gettime(uint32_t id, uint32_t uts, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return do_clock_gettime(id, uts, false);
}

long sys_clock_gettime64(uint32_t id, uint32_t uts, uint32_t a3, uint32_t a4,
			 uint32_t a5, uint32_t a6)
{
	return do_clock_gettime(id, uts, true);
}

long sys_clock_getres(uint32_t id, uint32_t uts, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	return do_clock_getres(id, uts, false);
}

long sys_clock_getres_time64(uint32_t id, uint32_t uts, uint32_t a3,
			     uint32_t a4, uint32_t a5, uint32_t a6)
{
	return do_clock_getres(id, uts, true);
}

long sys_clock_settime(uint32_t id, uint32_t uts, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	return do_clock_settime(id, uts, false);
}

long sys_clock_settime64(uint32_t id, uint32_t uts, uint32_t a3, uint32_t a4,
			 uint32_t a5, uint32_t a6)
{
	return do_clock_settime(id, uts, true);
}

/* Sleep until CLOCK_MONOTONIC reaches deadline (interruptibly): 0 at the
 * deadline, -EINTR if a signal is pending first. Costs no CPU: the thread
 * is off the run queue until its timer or a signal wakes it. */
static int sleep_until(uint64_t deadline)
{
	struct waitq wq = WAITQ_INIT;  /* nobody else wakes it */
	for (;;) {
		int r = waitq_sleep(&wq, NULL, deadline ? deadline : 1,
				    WAIT_INTERRUPTIBLE);
		if (r == -ETIMEDOUT)
			return 0;
		if (r == -EINTR)
			return r;
	}
}

/* The sleep of rb ended early: tell the user how much was left and ask
 * for a restart through restart_syscall, as Linux's do_nanosleep. */
static long sleep_interrupted(struct restart_block *rb)
{
	uint64_t now = time_monotonic_ns();
	if (now >= rb->deadline_ns)
		return 0;
	if (rb->rmtp && put_timespec(rb->rmtp, rb->rmtp64,
				     (int64_t)(rb->deadline_ns - now)))
		return -EFAULT;
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	if (sleep_until(rb->deadline_ns) == 0)
		return 0;
	rb->fn = nanosleep_restart;  /* interrupted again: resumable again */
	return sleep_interrupted(rb);
}

/* clock_nanosleep(id, flags, req, rem): relative, or absolute with
 * TIMER_ABSTIME (never restarted with a new deadline, never writes rem).
 * The CPU-time clocks cannot be slept on (EOPNOTSUPP; Linux can sleep on
 * a process's CPU clock: pagoda not yet). */
static long do_clock_nanosleep(uint32_t id, uint32_t flags, uint32_t ureq,
			       uint32_t urem, bool t64)
{
	switch (id) {
	case CLOCK_REALTIME: case CLOCK_TAI: case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		break;
	default: {
		int64_t ns;
		/* a clock that exists but cannot be slept on */
		return clock_read((int32_t)id, &ns) ? -EINVAL : -EOPNOTSUPP;
	}
	}
	int64_t req;
	int r = get_timespec(ureq, t64, &req);
	if (r)
		return r;
	uint64_t now = time_monotonic_ns(), deadline;
	if (flags & TIMER_ABSTIME) {
		int64_t mono = req;
		if (id == CLOCK_REALTIME || id == CLOCK_TAI)
			mono = req - (time_realtime_ns() - (int64_t)now);
		deadline = mono > 0 ? (uint64_t)mono : 1;
	} else {
		deadline = (uint64_t)req > UINT64_MAX - now ? UINT64_MAX
							    : now + (uint64_t)req;
	}
	if (sleep_until(deadline) == 0)
		return 0;
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;  /* the same call restarts as is */
	struct restart_block *rb = &thread_current()->restart;
	*rb = (struct restart_block){ .fn = nanosleep_restart,
				      .deadline_ns = deadline, .rmtp = urem,
				      .rmtp64 = t64 };
	return sleep_interrupted(rb);
}

long sys_clock_nanosleep(uint32_t id, uint32_t flags, uint32_t ureq,
			 uint32_t urem, uint32_t a5, uint32_t a6)
{
	return do_clock_nanosleep(id, flags, ureq, urem, false);
}

long sys_clock_nanosleep_time64(uint32_t id, uint32_t flags, uint32_t ureq,
				uint32_t urem, uint32_t a5, uint32_t a6)
{
	return do_clock_nanosleep(id, flags, ureq, urem, true);
}

long sys_nanosleep(uint32_t ureq, uint32_t urem, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, ureq, urem, false);
}

long sys_gettimeofday(uint32_t utv, uint32_t utz, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	if (utv) {
		int64_t ns = time_realtime_ns();
		struct timeval32 tv = { (int32_t)(ns / (int64_t)NSEC_PER_SEC),
					(int32_t)(ns % (int64_t)NSEC_PER_SEC / 1000) };
		if (copy_to_user((void *)utv, &tv, sizeof(tv)))
			return -EFAULT;
	}
	if (utz && copy_to_user((void *)utz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

/* settimeofday: we are root, so it sets the clock (and the time zone the
 * kernel only reports back), as Linux does for a privileged caller. */
long sys_settimeofday(uint32_t utv, uint32_t utz, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	struct timeval32 tv;
	struct timezone32 tz;
	if (utv && copy_from_user(&tv, (void *)utv, sizeof(tv)))
		return -EFAULT;
	if (utz && copy_from_user(&tz, (void *)utz, sizeof(tz)))
		return -EFAULT;
	if (utv && (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000))
		return -EINVAL;
	if (utz) {
		if (tz.tz_minuteswest < -15 * 60 || tz.tz_minuteswest > 15 * 60)
			return -EINVAL;
		sys_tz = tz;
	}
	if (utv)
		time_set_realtime_ns((int64_t)tv.tv_sec * (int64_t)NSEC_PER_SEC +
				     (int64_t)tv.tv_usec * 1000);
	return 0;
}

/* time(tloc): seconds since the epoch, truncated to 32 bits as i386's. */
long sys_time(uint32_t utloc, uint32_t a2, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	int32_t t = (int32_t)(time_realtime_ns() / (int64_t)NSEC_PER_SEC);
	if (utloc && copy_to_user((void *)utloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

long sys_stime(uint32_t utptr, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	int32_t t;
	if (copy_from_user(&t, (void *)utptr, sizeof(t)))
		return -EFAULT;
	if (t < 0)
		return -EINVAL;
	time_set_realtime_ns((int64_t)t * (int64_t)NSEC_PER_SEC);
	return 0;
}

static int32_t to_clock_t(uint64_t ns)
{
	return (int32_t)(ns / (NSEC_PER_SEC / USER_HZ));
}

/* times(buf): CPU times in clock ticks (USER_HZ); returns the ticks since
 * boot (an arbitrary origin: only differences mean anything). */
long sys_times(uint32_t ubuf, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	if (ubuf) {
		struct proc *p = proc_current();
		struct usage u;
		time_proc_usage(p, &u);
		struct tms32 t = { to_clock_t(u.user_ns), to_clock_t(u.sys_ns),
				   to_clock_t(p->usage_children.user_ns),
				   to_clock_t(p->usage_children.sys_ns) };
		if (copy_to_user((void *)ubuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return to_clock_t(time_monotonic_ns());
}

long sys_getrusage(uint32_t who, uint32_t uru, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	struct proc *p = proc_current();
	struct usage u;
	switch ((int32_t)who) {
	case RUSAGE_SELF:
		time_proc_usage(p, &u);
		break;
	case RUSAGE_CHILDREN:
		u = p->usage_children;
		break;
	case RUSAGE_THREAD:
		time_thread_usage(thread_current(), &u);
		u.minflt = p->as ? p->as->minor_faults : 0;  /* one thread */
		break;
	default:
		return -EINVAL;
	}
	struct rusage32 ru;
	time_fill_rusage(&ru, &u);
	return copy_to_user((void *)uru, &ru, sizeof(ru)) ? -EFAULT : 0;
}

long sys_sysinfo(uint32_t uinfo, uint32_t a2, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	uint64_t up = time_monotonic_ns();
	uint64_t total = (uint64_t)pmm_total_count() * PAGE_SIZE;
	uint64_t free = (uint64_t)pmm_free_count() * PAGE_SIZE;
	uint32_t unit = 1;
	if (total >> 32) {  /* as Linux: bytes if it fits, else pages */
		unit = PAGE_SIZE;
		total /= PAGE_SIZE;
		free /= PAGE_SIZE;
	}
	struct sysinfo32 si = {
		.uptime = (int32_t)((up + NSEC_PER_SEC - 1) / NSEC_PER_SEC),
		.totalram = (uint32_t)total, .freeram = (uint32_t)free,
		.procs = (uint16_t)proc_count(),
		.mem_unit = unit,  /* no swap; high memory not told apart */
	};
	return copy_to_user((void *)uinfo, &si, sizeof(si)) ? -EFAULT : 0;
}
