/* libc/src/dirent/getdents64.c: getdents64(2). */
#include <dirent.h>

#include "syscall.h"

ssize_t getdents64(int fd, void *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_getdents64, fd, (long)buf, n));
}
