/* libc/src/unistd/dup3.c: dup3(2). */
#include <unistd.h>

#include "syscall.h"

int dup3(int fd, int newfd, int flags)
{
	return __syscall_ret(__syscall3(__NR_dup3, fd, newfd, flags));
}
