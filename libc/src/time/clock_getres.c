/* libc/src/time/clock_getres.c: clock_getres(2). */
#include <time.h>

#include "syscall.h"

int clock_getres(clockid_t id, struct timespec *res)
{
	return __syscall_ret(__syscall2(__NR_clock_getres, id, (long)res));
}
