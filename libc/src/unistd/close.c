/* libc/src/unistd/close.c: close(2). */
#include <unistd.h>

#include "syscall.h"

int close(int fd)
{
	return __syscall_ret(__syscall1(__NR_close, fd));
}
