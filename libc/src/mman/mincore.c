/* libc/src/mman/mincore.c: mincore(2). */
#include <sys/mman.h>

#include "syscall.h"

int mincore(void *addr, size_t len, unsigned char *vec)
{
	return __syscall_ret(__syscall3(__NR_mincore, (long)addr, (long)len,
					(long)vec));
}
