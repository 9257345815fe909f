/* libc/src/unistd/write.c: write(2). */
#include <unistd.h>

#include "syscall.h"

ssize_t write(int fd, const void *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_write, fd, (long)buf, (long)n));
}
