/* libc/src/stat/mkdirat.c: mkdirat(2). */
#include <sys/stat.h>

#include "syscall.h"

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return __syscall_ret(__syscall3(__NR_mkdirat, dirfd, (long)path, mode));
}
