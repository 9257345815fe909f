/* libc/src/unistd/sync.c: sync(2) and fdatasync(2). */
#include <unistd.h>

#include "syscall.h"

void sync(void)
{
	__syscall0(__NR_sync);
}

int fdatasync(int fd)
{
	return __syscall_ret(__syscall1(__NR_fdatasync, fd));
}
