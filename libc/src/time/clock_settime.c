/* libc/src/time/clock_settime.c: clock_settime(2). */
#include <time.h>

#include "syscall.h"

int clock_settime(clockid_t id, const struct timespec *ts)
{
	return __syscall_ret(__syscall2(__NR_clock_settime, id, (long)ts));
}
