/* libc/src/mman/madvise.c: madvise(2). */
#include <sys/mman.h>

#include "syscall.h"

int madvise(void *addr, size_t len, int advice)
{
	return __syscall_ret(__syscall3(__NR_madvise, (long)addr, (long)len,
					advice));
}
