/* libc/src/resource/prctl.c: prctl(2) with up to four more arguments. */
#include <stdarg.h>
#include <sys/prctl.h>

#include "syscall.h"

int prctl(int option, ...)
{
	va_list ap;
	long a[4];

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall5(__NR_prctl, option, a[0], a[1], a[2],
					a[3]));
}
