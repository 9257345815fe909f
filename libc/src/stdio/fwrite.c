/* libc/src/stdio/fwrite.c: write n objects of size bytes; returns how
 * many objects went whole. */
#include "stdio_impl.h"

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t bytes = size * n;

	if (size == 0 || n == 0)
		return 0;
	return __fwritex(p, bytes, f) / size;
}
