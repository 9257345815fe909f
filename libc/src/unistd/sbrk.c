/* libc/src/unistd/sbrk.c: move the end of the heap by increment bytes;
 * returns the old end (the start of the new bytes), or (void *)-1. */
#include <stdint.h>
#include <unistd.h>

#include "syscall.h"

void *sbrk(intptr_t increment)
{
	/* brk(0) asks where the break is; it moves nothing. */
	uintptr_t cur = (uintptr_t)__syscall1(__NR_brk, 0);
	uintptr_t end = cur + (uintptr_t)increment;

	if (increment == 0)
		return (void *)cur;
	if ((increment > 0) != (end > cur))  /* wrapped around */
		return (void *)__syscall_ret(-ENOMEM);
	if ((uintptr_t)__syscall1(__NR_brk, (long)end) != end)
		return (void *)__syscall_ret(-ENOMEM);
	return (void *)cur;
}
