/* libc/src/stdio/fputc.c: write one byte; returns it, or EOF. */
#include "stdio_impl.h"

int fputc(int c, FILE *f)
{
	unsigned char b = (unsigned char)c;

	return __fwritex(&b, 1, f) == 1 ? b : EOF;
}
