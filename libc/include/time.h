/* time.h: clocks and sleeping (libc/src/time/). time_t is 32 bits, as
 * i386's original ABI: the wrappers use the 32-bit calls. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#include "kernel/uapi/time.h"  /* CLOCK_*, TIMER_ABSTIME */

typedef int clockid_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

int clock_gettime(clockid_t id, struct timespec *ts);
int clock_getres(clockid_t id, struct timespec *res);
int clock_settime(clockid_t id, const struct timespec *ts);
/* Returns the error number itself (0 on success), as POSIX says. */
int clock_nanosleep(clockid_t id, int flags, const struct timespec *req,
		    struct timespec *rem);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

/* A broken-down time, as C says (without glibc's tm_gmtoff and tm_zone). */
struct tm {
	int tm_sec;   /* 0..60 */
	int tm_min;   /* 0..59 */
	int tm_hour;  /* 0..23 */
	int tm_mday;  /* 1..31 */
	int tm_mon;   /* 0..11 */
	int tm_year;  /* since 1900 */
	int tm_wday;  /* 0..6, Sunday 0 */
	int tm_yday;  /* 0..365 */
	int tm_isdst; /* always 0: UTC */
};

/* *t as a UTC date (pagoda's clock is UTC; there is no localtime).
 * gmtime returns a static struct that the next call overwrites. */
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);

#endif
