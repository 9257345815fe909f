/* libc/src/unistd/pread.c: pread(2). */
#include <unistd.h>

#include "syscall.h"

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __syscall_ret(__syscall5(__NR_pread64, fd, (long)buf, n, off, off < 0 ? -1 : 0));
}
