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

#endif
