/* libc/src/stat/stat.c: stat(2). */
#include <sys/stat.h>

#include "syscall.h"

int stat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_stat64, (long)path, (long)st));
}
