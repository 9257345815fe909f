/* libc/src/stdio/fprintf.c: format to a stream. */
#include <stdio.h>

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}
