/* libc/src/stat/fstat.c: fstat(2). */
#include <sys/stat.h>

#include "syscall.h"

int fstat(int fd, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_fstat64, fd, (long)st));
}
