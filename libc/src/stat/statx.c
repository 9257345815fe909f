/* libc/src/stat/statx.c: statx(2). */
#include <sys/stat.h>

#include "syscall.h"

int statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *sx)
{
	return __syscall_ret(__syscall5(__NR_statx, dirfd, (long)path, flags, mask, (long)sx));
}
