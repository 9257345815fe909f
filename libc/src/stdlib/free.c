/* libc/src/stdlib/free.c: give a chunk back to the free list, merged with
 * the free chunks either side of it. */
#include <stdlib.h>
#include <unistd.h>

#include "malloc_impl.h"
#include "pthread_impl.h"

static int touches(struct chunk *a, struct chunk *b)
{
	return (char *)a + a->size == (char *)b;
}

void __malloc_insert(struct chunk *c)
{
	struct chunk *prev = NULL, *next = __malloc_free;

	while (next && next < c)
		prev = next, next = next->next;
	c->next = next;
	if (next && touches(c, next)) {
		c->size += next->size;
		c->next = next->next;
	}
	if (prev && touches(prev, c)) {
		prev->size += c->size;
		prev->next = c->next;
	} else if (prev) {
		prev->next = c;
	} else {
		__malloc_free = c;
	}
}

void free(void *p)
{
	static const char msg[] =
		"free(): pointer not from malloc, or freed twice\n";

	if (!p)
		return;
	struct chunk *c = (struct chunk *)((char *)p - CHUNK_HDR);
	if (!(c->size & CHUNK_USED)) {
		write(2, msg, sizeof(msg) - 1);
		abort();
	}
	c->size &= ~(size_t)CHUNK_USED;
	__lock(&__malloc_lock);
	__malloc_insert(c);
	__unlock(&__malloc_lock);
}
