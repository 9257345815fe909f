/* libc/src/stdlib/realloc.c: resize in place when the chunk is already
 * big enough, otherwise move. realloc(p, 0) frees p and returns NULL. */
#include <stdlib.h>
#include <string.h>

#include "malloc_impl.h"

void *realloc(void *p, size_t size)
{
	if (!p)
		return malloc(size);
	if (size == 0) {
		free(p);
		return NULL;
	}
	struct chunk *c = (struct chunk *)((char *)p - CHUNK_HDR);
	size_t have = (c->size & ~(size_t)CHUNK_USED) - CHUNK_HDR;
	if (size <= have)
		return p;
	void *q = malloc(size);
	if (!q)
		return NULL;  /* p is untouched */
	memcpy(q, p, have);
	free(p);
	return q;
}
