/* libc/src/stat/lstat.c: lstat(2). */
#include <sys/stat.h>

#include "syscall.h"

int lstat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_lstat64, (long)path, (long)st));
}
