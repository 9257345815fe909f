/* libc/src/unistd/read.c: read(2). */
#include <unistd.h>

#include "syscall.h"

ssize_t read(int fd, void *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_read, fd, (long)buf, (long)n));
}
