/* libc/src/unistd/chdir.c: chdir(2). */
#include <unistd.h>

#include "syscall.h"

int chdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_chdir, (long)path));
}
