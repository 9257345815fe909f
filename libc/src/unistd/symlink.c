/* libc/src/unistd/symlink.c: symlink(2). */
#include <unistd.h>

#include "syscall.h"

int symlink(const char *target, const char *path)
{
	return __syscall_ret(__syscall2(__NR_symlink, (long)target, (long)path));
}
