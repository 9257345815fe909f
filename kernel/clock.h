/* kernel/clock.h: the system calls on clocks, sleeps and resource usage
 * (kernel/clock.c). Linux i386 semantics: see docs/time.md. */
#ifndef KERNEL_CLOCK_H
#define KERNEL_CLOCK_H

#include <stdint.h>

/* Read clock id (CLOCK_REALTIME... or a dynamic CPU clock of the caller)
 * in ns. Returns 0 or -EINVAL for an unknown clock. */
int clock_read(int32_t id, int64_t *ns);

#define CLOCK_SYSCALL(name)                                                    \
	long name(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,          \
		  uint32_t a5, uint32_t a6)

CLOCK_SYSCALL(sys_clock_gettime);
CLOCK_SYSCALL(sys_clock_gettime64);
CLOCK_SYSCALL(sys_clock_getres);
CLOCK_SYSCALL(sys_clock_getres_time64);
CLOCK_SYSCALL(sys_clock_settime);
CLOCK_SYSCALL(sys_clock_settime64);
CLOCK_SYSCALL(sys_clock_nanosleep);
CLOCK_SYSCALL(sys_clock_nanosleep_time64);
CLOCK_SYSCALL(sys_nanosleep);
CLOCK_SYSCALL(sys_gettimeofday);
CLOCK_SYSCALL(sys_settimeofday);
CLOCK_SYSCALL(sys_time);
CLOCK_SYSCALL(sys_stime);
CLOCK_SYSCALL(sys_times);
CLOCK_SYSCALL(sys_getrusage);
CLOCK_SYSCALL(sys_sysinfo);

#endif
