/* libc/src/misc/syscall.c: syscall(n, ...), any call by number. */
#include <stdarg.h>
#include <unistd.h>

#include "syscall.h"

long syscall(long n, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, n);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);  /* extra words are harmless on i386 */
	va_end(ap);
	return __syscall_ret(__syscall6(n, a[0], a[1], a[2], a[3], a[4], a[5]));
}
