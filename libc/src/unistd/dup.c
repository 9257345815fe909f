/* libc/src/unistd/dup.c: dup(2). */
#include <unistd.h>

#include "syscall.h"

int dup(int fd)
{
	return __syscall_ret(__syscall1(__NR_dup, fd));
}
