/* libc/src/stat/mkdir.c: mkdir(2). */
#include <sys/stat.h>

#include "syscall.h"

int mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_mkdir, (long)path, mode));
}
