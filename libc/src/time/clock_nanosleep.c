/* libc/src/time/clock_nanosleep.c: clock_nanosleep(2): the error number
 * is the return value, errno is left alone. */
#include <time.h>

#include "syscall.h"

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req,
		    struct timespec *rem)
{
	return -__syscall4(__NR_clock_nanosleep, id, flags, (long)req,
			   (long)rem);
}
