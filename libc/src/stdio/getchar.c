/* libc/src/stdio/getchar.c: the next byte of stdin, or EOF. */
#include <stdio.h>

int getchar(void)
{
	return fgetc(stdin);
}
