/* libc/src/string/strcpy.c: copy src and its NUL to dst. */
#include <string.h>

char *strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}
