/* libc/src/string/memset.c: fill n bytes with c. (libc is built with
 * -fno-tree-loop-distribute-patterns, or gcc turns this loop into a call
 * to memset itself.) */
#include <string.h>

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}
