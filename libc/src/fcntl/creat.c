/* libc/src/fcntl/creat.c: creat(2). */
#include <fcntl.h>

#include "syscall.h"

int creat(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_creat, (long)path, mode));
}
