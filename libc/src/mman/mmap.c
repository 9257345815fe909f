/* libc/src/mman/mmap.c: mmap(2) through mmap2, whose offset counts 4 KiB
 * pages, as musl does on i386. */
#include <sys/mman.h>

#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	if (offset & 4095)
		return (void *)__syscall_ret(-EINVAL);
	return (void *)__syscall_ret(__syscall6(__NR_mmap2, (long)addr, (long)len,
						prot, flags, fd,
						(unsigned long)offset >> 12));
}
