/* libc/src/time/clock_gettime.c: clock_gettime(2), 32-bit form. */
#include <time.h>

#include "syscall.h"

int clock_gettime(clockid_t id, struct timespec *ts)
{
	return __syscall_ret(__syscall2(__NR_clock_gettime, id, (long)ts));
}
