/* libc/src/string/strncmp.c: compare at most n bytes of two strings. */
#include <string.h>

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n && *a && *a == *b; n--, a++, b++)
		;
	if (n == 0)
		return 0;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}
