/* libc/src/unistd/lseek.c: lseek(2), 32-bit offsets. */
#include <unistd.h>

#include "syscall.h"

off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(__NR_lseek, fd, offset, whence));
}
