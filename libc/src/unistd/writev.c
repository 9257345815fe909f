/* libc/src/unistd/writev.c: writev(2). */
#include <sys/uio.h>

#include "syscall.h"

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return __syscall_ret(__syscall3(__NR_writev, fd, (long)iov, n));
}
