/* libc/src/stat/fchmod.c: fchmod(2). */
#include <sys/stat.h>

#include "syscall.h"

int fchmod(int fd, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_fchmod, fd, mode));
}
