/* libc/src/mman/msync.c: msync(2). */
#include <sys/mman.h>

#include "syscall.h"

int msync(void *addr, size_t len, int flags)
{
	return __syscall_ret(__syscall3(__NR_msync, (long)addr, (long)len,
					flags));
}
