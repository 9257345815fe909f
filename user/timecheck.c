/* user/timecheck.c: clocks, sleeps and resource usage as a program sees
 * them: clock_gettime/getres/nanosleep (32-bit and time64 calls),
 * gettimeofday, time, times, getrusage and sysinfo; alarm ending a
 * nanosleep early with the time left. The same binary runs
 * on Linux (tools/check-user-on-host): every bound here holds on both.
 * Prints KTAP; exits 0 if every case passed. */
#include <alloca.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/uapi/unistd_32.h"
#include "ktap.h"

#define MS 1000000ll

/* tools/check-user-on-host sets this when it runs us under qemu-i386,
 * whose nanosleep says EINVAL for a bad pointer (Linux: EFAULT). */
static bool under_qemu(void)
{
	return getenv("PAGODA_NO_I386_EXECVE") != NULL;
}

static int64_t ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000ll + ts->tv_nsec;
}

static int64_t now(clockid_t id)
{
	struct timespec ts;
	if (clock_gettime(id, &ts) != 0)
		return -1;
	return ns_of(&ts);
}

/* Burn the CPU for ms milliseconds of CLOCK_MONOTONIC. */
static void spin(int ms)
{
	int64_t end = now(CLOCK_MONOTONIC) + ms * MS;
	while (now(CLOCK_MONOTONIC) < end)
		;
}

/* Burn ms milliseconds of this thread's CPU time (a loaded host gives us
 * less CPU than wall time), giving up after 5 s of wall time. */
static void spin_cpu(int ms)
{
	int64_t end = now(CLOCK_THREAD_CPUTIME_ID) + ms * MS;
	int64_t give_up = now(CLOCK_MONOTONIC) + 5000 * MS;
	while (now(CLOCK_THREAD_CPUTIME_ID) < end &&
	       now(CLOCK_MONOTONIC) < give_up)
		;
}

static bool monotonic_clocks_advance(void)
{
	static const clockid_t ids[] = { CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
					 CLOCK_BOOTTIME, CLOCK_MONOTONIC_COARSE,
					 CLOCK_REALTIME, CLOCK_REALTIME_COARSE };
	bool ok = true;
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct timespec a, b;
		if (clock_gettime(ids[i], &a) != 0) {
			note("clock %d: errno %d", ids[i], errno);
			ok = false;
			continue;
		}
		spin(15);
		clock_gettime(ids[i], &b);
		if (a.tv_nsec < 0 || a.tv_nsec >= 1000000000 ||
		    ns_of(&b) - ns_of(&a) < 10 * MS) {
			note("clock %d: %lld then %lld", ids[i],
			     (long long)ns_of(&a), (long long)ns_of(&b));
			ok = false;
		}
	}
	/* never backwards, read after read */
	int64_t prev = now(CLOCK_MONOTONIC);
	for (int i = 0; i < 20000; i++) {
		int64_t t = now(CLOCK_MONOTONIC);
		if (t < prev) {
			note("went back: %lld after %lld", (long long)t,
			     (long long)prev);
			return false;
		}
		prev = t;
	}
	return ok;
}

static bool monotonic_has_sub_millisecond_steps(void)
{
	/* Reads 20 µs apart must not all land on whole milliseconds. */
	int odd = 0;
	for (int i = 0; i < 50; i++) {
		int64_t t = now(CLOCK_MONOTONIC);
		odd += t % MS != 0;
		int64_t end = t + 20000;
		while (now(CLOCK_MONOTONIC) < end)
			;
	}
	if (odd == 0)
		note("every reading was a whole millisecond");
	return odd > 0;
}

static bool realtime_agrees_with_time_and_gettimeofday(void)
{
	struct timeval tv;
	int64_t rt = now(CLOCK_REALTIME);
	time_t t = time(NULL), t2;
	time(&t2);
	if (gettimeofday(&tv, NULL) != 0)
		return false;
	int64_t sec = rt / 1000000000ll;
	/* Linux's time() reads the clock as of the last tick, so just
	 * after a second begins it may still say the one before */
	bool ok = sec > 1600000000 &&  /* after September 2020 */
		  t - sec <= 1 && t - sec >= -1 && t2 >= t &&
		  tv.tv_sec - sec <= 1 && tv.tv_usec >= 0 &&
		  tv.tv_usec < 1000000;
	if (!ok)
		note("realtime %lld, time %ld, gettimeofday %ld.%06ld",
		     (long long)sec, (long)t, (long)tv.tv_sec,
		     (long)tv.tv_usec);
	return ok;
}

static bool resolutions(void)
{
	struct timespec r;
	bool ok = true;
	static const clockid_t fine[] = { CLOCK_REALTIME, CLOCK_MONOTONIC,
					  CLOCK_BOOTTIME,
					  CLOCK_PROCESS_CPUTIME_ID,
					  CLOCK_THREAD_CPUTIME_ID };
	for (unsigned i = 0; i < sizeof(fine) / sizeof(fine[0]); i++) {
		if (clock_getres(fine[i], &r) != 0 || r.tv_sec != 0 ||
		    r.tv_nsec < 1 || r.tv_nsec > 1000) {
			note("clock %d: resolution %ld.%09ld", fine[i],
			     (long)r.tv_sec, r.tv_nsec);
			ok = false;
		}
	}
	if (clock_getres(CLOCK_MONOTONIC_COARSE, &r) != 0 || r.tv_sec != 0 ||
	    r.tv_nsec < 1000 || r.tv_nsec > 10 * MS) {
		note("coarse resolution %ld.%09ld", (long)r.tv_sec, r.tv_nsec);
		ok = false;
	}
	return ok && clock_getres(CLOCK_MONOTONIC, NULL) == 0;
}

static bool bad_clocks_and_pointers(void)
{
	struct timespec ts;
	bool ok = true;
	errno = 0;
	ok &= clock_gettime(99, &ts) == -1 && errno == EINVAL;
	errno = 0;
	ok &= clock_getres(99, &ts) == -1 && errno == EINVAL;
	errno = 0;
	ok &= clock_gettime(CLOCK_MONOTONIC, (struct timespec *)8) == -1 &&
	      errno == EFAULT;
	errno = 0;
	ok &= gettimeofday((struct timeval *)8, NULL) == -1 && errno == EFAULT;
	errno = 0;
	ok &= clock_settime(CLOCK_MONOTONIC, &ts) == -1 && errno == EINVAL;
	if (!ok)
		note("last errno %d", errno);
	return ok;
}

static bool time64_calls_agree(void)
{
	int64_t ts64[2] = { 0, 0 }, res64[2] = { 0, 0 };
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	long r = syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, ts64);
	long r2 = syscall(__NR_clock_getres_time64, CLOCK_MONOTONIC, res64);
	int64_t d = ts64[0] * 1000000000ll + ts64[1] - ns_of(&ts);
	/* a 64-bit relative sleep of 10 ms */
	int64_t req[2] = { 0, 10 * MS };
	int64_t t0 = now(CLOCK_MONOTONIC);
	long r3 = syscall(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0,
			  req, NULL);
	int64_t slept = now(CLOCK_MONOTONIC) - t0;
	bool ok = r == 0 && r2 == 0 && r3 == 0 && d >= 0 && d < 100 * MS &&
		  res64[0] == 0 && res64[1] >= 1 && slept >= 10 * MS;
	if (!ok)
		note("r %ld %ld %ld, diff %lld, res %lld, slept %lld", r, r2,
		     r3, (long long)d, (long long)res64[1], (long long)slept);
	return ok;
}

static bool nanosleep_sleeps_as_long_as_asked(void)
{
	struct timespec req = { 0, 50 * MS }, rem = { 7, 7 };
	int64_t t0 = now(CLOCK_MONOTONIC);
	int64_t c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	int r = nanosleep(&req, &rem);
	int64_t slept = now(CLOCK_MONOTONIC) - t0;
	int64_t cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	/* at least 50 ms, not ten times more (a busy host may keep the
	 * guest waiting a while); asleep costs (almost) no CPU */
	bool ok = r == 0 && slept >= 50 * MS && slept < 500 * MS &&
		  cpu < 20 * MS;
	if (!ok)
		note("nanosleep %d, slept %lld ns, cpu %lld ns", r,
		     (long long)slept, (long long)cpu);
	req.tv_sec = 0;
	req.tv_nsec = 0;
	return ok && nanosleep(&req, NULL) == 0;
}

static volatile int alarms;

static void on_alarm(int sig __attribute__((unused)))
{
	alarms++;
}

/* alarm(1) during a 3 s nanosleep, with a handler without SA_RESTART:
 * EINTR after about a second, and rem holds the time that was left: at
 * least 3 s less the time we saw pass (to within a tick), and at most
 * 2.1 s since the alarm took a second. (We see more time pass than was
 * slept: the handler and a busy host come between the kernel filling in
 * rem and our clock read, so "at most 3 s less what we saw" can fail.) */
static bool alarm_interrupts_nanosleep_with_time_left(void)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, &old);
	struct timespec req = { 3, 0 }, rem = { -1, -1 };
	alarms = 0;
	alarm(1);
	int64_t t0 = now(CLOCK_MONOTONIC);
	errno = 0;
	int r = nanosleep(&req, &rem);
	int e = errno;
	int64_t slept = now(CLOCK_MONOTONIC) - t0, left = ns_of(&rem);
	sigaction(SIGALRM, &old, NULL);
	bool ok = r == -1 && e == EINTR && alarms == 1 &&
		  slept >= 900 * MS && slept < 2500 * MS &&
		  rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000 &&
		  left >= 3000 * MS - slept - 10 * MS && left <= 2100 * MS;
	if (!ok)
		note("nanosleep %d errno %d, %d alarms, slept %lld ns, "
		     "rem %lld.%09ld", r, e, alarms, (long long)slept,
		     (long long)rem.tv_sec, (long)rem.tv_nsec);
	return ok;
}

static bool nanosleep_rejects_bad_times(void)
{
	struct timespec bad[] = { { 0, 1000000000 }, { 0, -1 }, { -1, 0 } };
	bool ok = true;
	for (unsigned i = 0; i < 3; i++) {
		errno = 0;
		if (nanosleep(&bad[i], NULL) != -1 || errno != EINVAL) {
			note("case %u: errno %d", i, errno);
			ok = false;
		}
		if (clock_nanosleep(CLOCK_MONOTONIC, 0, &bad[i], NULL) !=
		    EINVAL) {
			note("clock_nanosleep case %u", i);
			ok = false;
		}
	}
	errno = 0;
	ok &= nanosleep((struct timespec *)8, NULL) == -1 &&
	      (errno == EFAULT || (under_qemu() && errno == EINVAL));
	return ok;
}

/* A TIMER_ABSTIME sleep ends at its deadline, not before, and not long
 * after: the upper bounds catch a deadline taken as relative or in the
 * wrong unit, with room for a host so busy that the guest waits its turn
 * for a while (seen: over 40 ms with four emulators on two cores). */
static bool clock_nanosleep_absolute(void)
{
	struct timespec dl;
	clock_gettime(CLOCK_MONOTONIC, &dl);
	int64_t want = ns_of(&dl) + 30 * MS;
	dl.tv_sec = want / 1000000000ll;
	dl.tv_nsec = want % 1000000000ll;
	int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL);
	int64_t late = now(CLOCK_MONOTONIC) - want;
	bool ok = r == 0 && late >= 0 && late < 500 * MS;
	/* a deadline in the past returns at once */
	int64_t t0 = now(CLOCK_MONOTONIC);
	dl.tv_sec = 0;
	dl.tv_nsec = 1;
	int r_past = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL);
	int64_t past = now(CLOCK_MONOTONIC) - t0;
	ok &= r_past == 0 && past < 500 * MS;
	/* CLOCK_REALTIME too */
	clock_gettime(CLOCK_REALTIME, &dl);
	int64_t want_rt = ns_of(&dl) + 20 * MS;
	dl.tv_sec = want_rt / 1000000000ll;
	dl.tv_nsec = want_rt % 1000000000ll;
	int r_rt = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &dl, NULL);
	int64_t late_rt = now(CLOCK_REALTIME) - want_rt;
	ok &= r_rt == 0 && late_rt >= 0;
	if (!ok)
		note("monotonic: r %d, woke %lld ns after the deadline; past "
		     "deadline: r %d after %lld ns; realtime: r %d, woke %lld ns "
		     "after", r, (long long)late, r_past, (long long)past, r_rt,
		     (long long)late_rt);
	return ok;
}

static bool clock_nanosleep_refuses_what_linux_refuses(void)
{
	struct timespec req = { 0, 1000 };
	int thread = clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL);
	int raw = clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &req, NULL);
	/* Linux has no sleep on a thread's CPU clock (glibc's wrapper says
	 * EINVAL before asking; the kernel says EOPNOTSUPP) */
	bool ok = clock_nanosleep(99, 0, &req, NULL) == EINVAL &&
		  thread == EOPNOTSUPP && raw == EOPNOTSUPP;
	if (!ok)
		note("thread clock %d, raw clock %d", thread, raw);
	return ok;
}

static bool cpu_clocks_count_running_not_sleeping(void)
{
	/* the wall clock is read outside the CPU clocks, so the CPU time
	 * measured lies within the wall time measured even when the host
	 * stalls the emulator between two reads */
	int64_t w0 = now(CLOCK_MONOTONIC);
	int64_t p0 = now(CLOCK_PROCESS_CPUTIME_ID);
	int64_t t0 = now(CLOCK_THREAD_CPUTIME_ID);
	spin_cpu(30);
	int64_t t1 = now(CLOCK_THREAD_CPUTIME_ID);
	int64_t p1 = now(CLOCK_PROCESS_CPUTIME_ID);
	int64_t w1 = now(CLOCK_MONOTONIC);
	/* one thread: its CPU time is the process's, and never more than
	 * the time that passed */
	bool ok = t1 - t0 >= 30 * MS && p1 - p0 >= t1 - t0 - MS &&
		  p1 - p0 <= w1 - w0 + MS;
	if (!ok)
		note("process %lld, thread %lld ns in %lld ns",
		     (long long)(p1 - p0), (long long)(t1 - t0),
		     (long long)(w1 - w0));
	return ok;
}

static bool times_counts_ticks(void)
{
	struct tms a, b;
	clock_t t0 = times(&a);
	spin_cpu(60);
	clock_t t1 = times(&b);
	long cpu = (b.tms_utime + b.tms_stime) - (a.tms_utime + a.tms_stime);
	/* 100 ticks a second: 60 ms of CPU is about 6, in at least as much
	 * elapsed time */
	/* (each of utime and stime is rounded down to whole ticks, so a
	 * host that splits the time between them may show 2 fewer, or, at
	 * the other end, 2 more, while the elapsed ticks, rounded too, show
	 * one fewer: Linux once gave 8 ticks of CPU in 6 elapsed) */
	bool ok = cpu >= 3 && cpu <= 8 && t1 - t0 >= cpu - 3 &&
		  getauxval(AT_CLKTCK) == 100;
	if (!ok)
		note("elapsed %ld ticks, cpu %ld ticks", (long)(t1 - t0), cpu);
	return ok;
}

static int64_t tv_ns(const struct timeval *tv)
{
	return (int64_t)tv->tv_sec * 1000000000ll + tv->tv_usec * 1000ll;
}

static int spin_child(void)
{
	spin_cpu(40);
	return 0;
}

static bool getrusage_self_and_children(void)
{
	struct rusage a, b, c;
	if (getrusage(RUSAGE_SELF, &a) != 0)
		return false;
	/* 64 new stack pages: minor faults (not bss, which qemu-i386 has
	 * already touched to zero it) */
	volatile char *buf = alloca(64 * 4096);
	for (unsigned i = 0; i < 64 * 4096; i += 4096)
		buf[i] = 1;
	spin_cpu(30);
	getrusage(RUSAGE_SELF, &b);
	int64_t cpu = tv_ns(&b.ru_utime) + tv_ns(&b.ru_stime) -
		      tv_ns(&a.ru_utime) - tv_ns(&a.ru_stime);
	bool ok = cpu >= 29 * MS && b.ru_minflt - a.ru_minflt >= 60 &&
		  b.ru_utime.tv_usec < 1000000;
	if (!ok)
		note("self: cpu %lld ns, minflt %ld", (long long)cpu,
		     b.ru_minflt - a.ru_minflt);
	getrusage(RUSAGE_CHILDREN, &a);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(spin_child());
	int status;
	ok &= waitpid(pid, &status, 0) == pid && status == 0;
	getrusage(RUSAGE_CHILDREN, &c);
	cpu = tv_ns(&c.ru_utime) + tv_ns(&c.ru_stime) -
	      tv_ns(&a.ru_utime) - tv_ns(&a.ru_stime);
	if (cpu < 39 * MS || cpu > 200 * MS) {
		note("children: cpu %lld ns for a 40 ms spin", (long long)cpu);
		ok = false;
	}
	errno = 0;
	ok &= getrusage(5, &a) == -1 && errno == EINVAL;
	ok &= getrusage(RUSAGE_THREAD, &a) == 0;
	errno = 0;
	ok &= getrusage(RUSAGE_SELF, (struct rusage *)8) == -1 &&
	      errno == EFAULT;
	return ok;
}

static bool sysinfo_is_sane(void)
{
	struct sysinfo si;
	if (sysinfo(&si) != 0)
		return false;
	uint64_t total = (uint64_t)si.totalram * si.mem_unit;
	bool ok = si.uptime > 0 && si.mem_unit >= 1 && si.totalram > 0 &&
		  si.freeram <= si.totalram && si.procs >= 1 &&
		  total >= (1u << 20);
	if (!ok)
		note("uptime %ld, total %lu free %lu unit %u procs %u",
		     si.uptime, si.totalram, si.freeram, si.mem_unit, si.procs);
	errno = 0;
	return ok && sysinfo((struct sysinfo *)8) == -1 && errno == EFAULT;
}

static const struct ktap_case cases[] = {
	{ "clock.monotonic_clocks_advance", monotonic_clocks_advance },
	{ "clock.sub_millisecond_steps", monotonic_has_sub_millisecond_steps },
	{ "clock.realtime_time_gettimeofday_agree",
	  realtime_agrees_with_time_and_gettimeofday },
	{ "clock.resolutions", resolutions },
	{ "clock.bad_clocks_and_pointers", bad_clocks_and_pointers },
	{ "clock.time64_calls", time64_calls_agree },
	{ "sleep.nanosleep_duration", nanosleep_sleeps_as_long_as_asked },
	{ "sleep.nanosleep_einval", nanosleep_rejects_bad_times },
	{ "sleep.alarm_interrupts_nanosleep_with_time_left",
	  alarm_interrupts_nanosleep_with_time_left },
	{ "sleep.clock_nanosleep_abstime", clock_nanosleep_absolute },
	{ "sleep.clock_nanosleep_bad_clocks",
	  clock_nanosleep_refuses_what_linux_refuses },
	{ "usage.cpu_clocks", cpu_clocks_count_running_not_sleeping },
	{ "usage.times", times_counts_ticks },
	{ "usage.getrusage", getrusage_self_and_children },
	{ "usage.sysinfo", sysinfo_is_sane },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
