/* libc/src/stdio/vprintf.c: format a va_list to stdout. */
#include <stdio.h>

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}
