/* libc/src/stdio/sprintf.c: format into buf, trusting it is big enough
 * (snprintf is the safe one). */
#include <stdint.h>
#include <stdio.h>

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vsnprintf(buf, SIZE_MAX / 2, fmt, ap);
	va_end(ap);
	return r;
}
