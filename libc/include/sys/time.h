/* sys/time.h: gettimeofday, settimeofday and utimes (libc/src/time/). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

typedef long suseconds_t;

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

int gettimeofday(struct timeval *tv, struct timezone *tz);
int settimeofday(const struct timeval *tv, const struct timezone *tz);
int utimes(const char *path, const struct timeval times[2]);

#endif
