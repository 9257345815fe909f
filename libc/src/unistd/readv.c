/* libc/src/unistd/readv.c: readv(2). */
#include <sys/uio.h>

#include "syscall.h"

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	return __syscall_ret(__syscall3(__NR_readv, fd, (long)iov, n));
}
