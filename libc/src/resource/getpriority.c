/* libc/src/resource/getpriority.c: getpriority(2). The kernel answers 20
 * minus the nice value (1..40, never an error's -1..-4095); the function
 * gives the nice value itself, -20..19, so -1 is a valid answer: clear
 * errno first to tell it from an error. */
#include <sys/resource.h>

#include "syscall.h"

int getpriority(int which, id_t who)
{
	long r = __syscall2(__NR_getpriority, which, (long)who);
	return r < 0 ? (int)__syscall_ret(r) : 20 - (int)r;
}
