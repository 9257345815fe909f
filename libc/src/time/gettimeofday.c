/* libc/src/time/gettimeofday.c: gettimeofday(2). */
#include <sys/time.h>

#include "syscall.h"

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return __syscall_ret(__syscall2(__NR_gettimeofday, (long)tv, (long)tz));
}
