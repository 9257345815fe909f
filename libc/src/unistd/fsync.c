/* libc/src/unistd/fsync.c: fsync(2). */
#include <unistd.h>

#include "syscall.h"

int fsync(int fd)
{
	return __syscall_ret(__syscall1(__NR_fsync, fd));
}
