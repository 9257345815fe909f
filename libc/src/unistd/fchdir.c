/* libc/src/unistd/fchdir.c: fchdir(2). */
#include <unistd.h>

#include "syscall.h"

int fchdir(int fd)
{
	return __syscall_ret(__syscall1(__NR_fchdir, fd));
}
