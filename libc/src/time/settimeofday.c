/* libc/src/time/settimeofday.c: settimeofday(2). */
#include <sys/time.h>

#include "syscall.h"

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return __syscall_ret(__syscall2(__NR_settimeofday, (long)tv, (long)tz));
}
