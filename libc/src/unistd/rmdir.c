/* libc/src/unistd/rmdir.c: rmdir(2). */
#include <unistd.h>

#include "syscall.h"

int rmdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_rmdir, (long)path));
}
