/* kernel/uapi/time.h: Linux i386's clock ids and time structures: the
 * 32-bit forms (old_timespec32, old_timeval32, the ones the original calls
 * take) and the 64-bit __kernel_timespec of the *_time64 calls (403..),
 * plus struct rusage, struct tms and struct sysinfo as i386 lays them out. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

#include <stdint.h>

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7
#define CLOCK_REALTIME_ALARM     8
#define CLOCK_BOOTTIME_ALARM     9
#define CLOCK_TAI                11

#define TIMER_ABSTIME 0x01

/* A dynamic CPU clock id (clock_getcpuclockid, pthread_getcpuclockid):
 * ~pid << 3 | how, with bit 2 set for one thread. */
#define CPUCLOCK_PERTHREAD_MASK 4
#define CPUCLOCK_CLOCK_MASK     3
#define CPUCLOCK_SCHED          2

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

struct timespec32 {          /* old_timespec32 */
	int32_t tv_sec;
	int32_t tv_nsec;
};

struct timespec64 {          /* __kernel_timespec */
	int64_t tv_sec;
	int64_t tv_nsec;     /* only the low 32 bits count on i386 */
};

struct timeval32 {           /* old_timeval32 */
	int32_t tv_sec;
	int32_t tv_usec;
};

struct timezone32 {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};

struct rusage32 {
	struct timeval32 ru_utime, ru_stime;
	int32_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
		ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv,
		ru_nsignals, ru_nvcsw, ru_nivcsw;
};

struct tms32 {
	int32_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

struct sysinfo32 {
	int32_t uptime;
	uint32_t loads[3];           /* 1, 5, 15 minutes, << 16 */
	uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh;
	uint32_t mem_unit;
	char _f[8];
};

_Static_assert(sizeof(struct timespec32) == 8, "old_timespec32");
_Static_assert(sizeof(struct timespec64) == 16, "__kernel_timespec");
_Static_assert(sizeof(struct rusage32) == 72, "struct rusage");
_Static_assert(sizeof(struct tms32) == 16, "struct tms");
_Static_assert(sizeof(struct sysinfo32) == 64, "struct sysinfo");
_Static_assert(__builtin_offsetof(struct sysinfo32, procs) == 40, "procs");
_Static_assert(__builtin_offsetof(struct sysinfo32, mem_unit) == 52,
	       "mem_unit");

#endif
