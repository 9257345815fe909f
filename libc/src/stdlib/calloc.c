/* libc/src/stdlib/calloc.c: n zeroed objects of size bytes, or NULL
 * (ENOMEM) when n * size does not fit. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(n * size);
	return p ? memset(p, 0, n * size) : NULL;
}
