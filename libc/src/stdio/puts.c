/* libc/src/stdio/puts.c: a string and a newline to stdout. */
#include <stdio.h>

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}
