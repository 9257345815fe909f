/* libc/src/fcntl/openat.c: openat(2). */
#include <fcntl.h>

#include "syscall.h"

int openat(int dirfd, const char *path, int flags, mode_t mode)
{
	return __syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, flags, mode));
}
