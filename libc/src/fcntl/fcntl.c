/* libc/src/fcntl/fcntl.c: fcntl(2). */
#include <fcntl.h>

#include "syscall.h"

int fcntl(int fd, int cmd, long arg)
{
	return __syscall_ret(__syscall3(__NR_fcntl64, fd, cmd, arg));
}
