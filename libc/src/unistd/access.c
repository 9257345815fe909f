/* libc/src/unistd/access.c: access(2). */
#include <unistd.h>

#include "syscall.h"

int access(const char *path, int mode)
{
	return __syscall_ret(__syscall2(__NR_access, (long)path, mode));
}
