/* libc/src/stat/fstatat.c: fstatat(2). */
#include <sys/stat.h>

#include "syscall.h"

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return __syscall_ret(__syscall4(__NR_fstatat64, dirfd, (long)path, (long)st, flags));
}
