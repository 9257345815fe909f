/* libc/src/stat/chmod.c: chmod(2). */
#include <sys/stat.h>

#include "syscall.h"

int chmod(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_chmod, (long)path, mode));
}
