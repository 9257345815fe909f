/* libc/src/mman/mprotect.c: mprotect(2). */
#include <sys/mman.h>

#include "syscall.h"

int mprotect(void *addr, size_t len, int prot)
{
	return __syscall_ret(__syscall3(__NR_mprotect, (long)addr, (long)len,
					prot));
}
