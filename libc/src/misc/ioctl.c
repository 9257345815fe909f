/* libc/src/misc/ioctl.c: ioctl(2). */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "syscall.h"

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	long arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_ioctl, fd, (long)request, arg));
}
