/* libc/src/unistd/ftruncate.c: ftruncate(2). */
#include <unistd.h>

#include "syscall.h"

int ftruncate(int fd, off_t len)
{
	return __syscall_ret(__syscall3(__NR_ftruncate64, fd, len, len < 0 ? -1 : 0));
}
