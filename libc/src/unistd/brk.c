/* libc/src/unistd/brk.c: set the end of the heap. The kernel's brk
 * returns the break it ended with: anything but end means no memory. */
#include <unistd.h>

#include "syscall.h"

int brk(void *end)
{
	if (__syscall1(__NR_brk, (long)end) != (long)end)
		return __syscall_ret(-ENOMEM);
	return 0;
}
