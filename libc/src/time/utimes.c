/* libc/src/time/utimes.c: utimes(2), times in microseconds. */
#include <sys/time.h>

#include "syscall.h"

int utimes(const char *path, const struct timeval times[2])
{
	return __syscall_ret(__syscall2(__NR_utimes, (long)path, (long)times));
}
