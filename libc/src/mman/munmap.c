/* libc/src/mman/munmap.c: munmap(2). */
#include <sys/mman.h>

#include "syscall.h"

int munmap(void *addr, size_t len)
{
	return __syscall_ret(__syscall2(__NR_munmap, (long)addr, (long)len));
}
