/* libc/src/unistd/pipe2.c: pipe2(2): pipe() with O_CLOEXEC and
 * O_NONBLOCK on both ends. */
#include <unistd.h>

#include "syscall.h"

int pipe2(int fds[2], int flags)
{
	return __syscall_ret(__syscall2(__NR_pipe2, (long)fds, flags));
}
