/* libc/src/stdio/rename.c: rename(2). */
#include <stdio.h>

#include "syscall.h"

int rename(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(__NR_rename, (long)old, (long)new));
}
