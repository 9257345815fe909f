/* libc/src/unistd/dup2.c: dup2(2). */
#include <unistd.h>

#include "syscall.h"

int dup2(int fd, int newfd)
{
	return __syscall_ret(__syscall2(__NR_dup2, fd, newfd));
}
