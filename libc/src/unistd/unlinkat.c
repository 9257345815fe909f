/* libc/src/unistd/unlinkat.c: unlinkat(2). */
#include <unistd.h>

#include "syscall.h"

int unlinkat(int dirfd, const char *path, int flags)
{
	return __syscall_ret(__syscall3(__NR_unlinkat, dirfd, (long)path, flags));
}
