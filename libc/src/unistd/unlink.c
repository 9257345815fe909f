/* libc/src/unistd/unlink.c: unlink(2). */
#include <unistd.h>

#include "syscall.h"

int unlink(const char *path)
{
	return __syscall_ret(__syscall1(__NR_unlink, (long)path));
}
