/* libc/src/time/time.c: time(2). */
#include <time.h>

#include "syscall.h"

time_t time(time_t *t)
{
	return __syscall_ret(__syscall1(__NR_time, (long)t));
}
