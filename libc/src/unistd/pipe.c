/* libc/src/unistd/pipe.c: pipe(2); the kernel fills fds[0] (read end)
 * and fds[1] (write end). */
#include <unistd.h>

#include "syscall.h"

int pipe(int fds[2])
{
	return __syscall_ret(__syscall1(__NR_pipe, (long)fds));
}
