/* libc/src/stdio/snprintf.c: format into buf of n bytes. */
#include <stdio.h>

int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
