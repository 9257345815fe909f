/* libc/src/fcntl/open.c: open(2); the mode argument exists only with
 * O_CREAT. */
#include <fcntl.h>
#include <stdarg.h>

#include "syscall.h"

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall3(__NR_open, (long)path, flags, mode));
}
