/* libc/src/internal/syscall_ret.c: turn a raw system-call result into
 * the C convention: -1 and errno on failure. */
#include <errno.h>

#include "syscall.h"

long __syscall_ret(unsigned long r)
{
	if (r > -(unsigned long)MAX_ERRNO - 1) {  /* -4095..-1 */
		errno = -(long)r;
		return -1;
	}
	return (long)r;
}
