/* libc/src/unistd/readlink.c: readlink(2). */
#include <unistd.h>

#include "syscall.h"

ssize_t readlink(const char *path, char *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_readlink, (long)path, (long)buf, n));
}
