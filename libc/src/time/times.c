/* libc/src/time/times.c: times(2). Its result is a tick count that may
 * look negative; only -4095..-1 are errors. */
#include <sys/times.h>

#include "syscall.h"

clock_t times(struct tms *buf)
{
	return __syscall_ret(__syscall1(__NR_times, (long)buf));
}
