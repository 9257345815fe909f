/* sys/times.h: times(), process times in clock ticks (sysconf's
 * _SC_CLK_TCK: 100). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

typedef long clock_t;

struct tms {
	clock_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

clock_t times(struct tms *buf);

#endif
