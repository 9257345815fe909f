/* libc/src/sched/sched_yield.c: sched_yield(2); it cannot fail. */
#include <sched.h>

#include "syscall.h"

int sched_yield(void)
{
	return (int)__syscall0(__NR_sched_yield);
}
