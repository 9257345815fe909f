/* libc/src/stdio/putchar.c: one byte to stdout. */
#include <stdio.h>

int putchar(int c)
{
	return fputc(c, stdout);
}
