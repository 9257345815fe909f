/* libc/src/unistd/getcwd.c: getcwd(3) over the system call, which returns
 * the length; buf must be given (no malloc'd result). */
#include <errno.h>
#include <unistd.h>

#include "syscall.h"

char *getcwd(char *buf, size_t size)
{
	if (!buf) {
		errno = EINVAL;
		return NULL;
	}
	return __syscall_ret(__syscall2(__NR_getcwd, (long)buf, size)) < 0
		       ? NULL : buf;
}
