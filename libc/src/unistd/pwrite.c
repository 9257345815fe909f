/* libc/src/unistd/pwrite.c: pwrite(2). */
#include <unistd.h>

#include "syscall.h"

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __syscall_ret(__syscall5(__NR_pwrite64, fd, (long)buf, n, off, off < 0 ? -1 : 0));
}
