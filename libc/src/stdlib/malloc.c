/* libc/src/stdlib/malloc.c: first fit over an address-ordered free list;
 * the heap grows with sbrk, at least HEAP_STEP at a time. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "malloc_impl.h"
#include "pthread_impl.h"

#define HEAP_STEP (64 * 1024)

struct chunk *__malloc_free;
volatile int __malloc_lock;  /* the free list and sbrk: threads take turns */

/* Add at least need bytes to the heap, as one free chunk. */
static int grow(size_t need)
{
	size_t step = need > HEAP_STEP ? need : HEAP_STEP;
	uintptr_t cur = (uintptr_t)sbrk(0);
	size_t pad = -cur & (CHUNK_ALIGN - 1);  /* someone else's sbrk */

	if (step > PTRDIFF_MAX - pad || sbrk(pad + step) == (void *)-1)
		return -1;
	struct chunk *c = (struct chunk *)(cur + pad);
	c->size = step;
	__malloc_insert(c);
	return 0;
}

/* Take need bytes from the first free chunk that has them, splitting off
 * the rest when it can hold a chunk of its own. */
static struct chunk *take(size_t need)
{
	for (struct chunk **link = &__malloc_free; *link;
	     link = &(*link)->next) {
		struct chunk *c = *link;
		if (c->size < need)
			continue;
		if (c->size - need >= CHUNK_MIN) {
			struct chunk *rest = (struct chunk *)((char *)c + need);
			rest->size = c->size - need;
			rest->next = c->next;
			*link = rest;
			c->size = need;
		} else {
			*link = c->next;
		}
		c->size |= CHUNK_USED;
		return c;
	}
	return NULL;
}

void *malloc(size_t size)
{
	if (size > PTRDIFF_MAX - CHUNK_HDR - CHUNK_ALIGN) {
		errno = ENOMEM;
		return NULL;
	}
	size_t need = (size + CHUNK_HDR + CHUNK_ALIGN - 1) & ~(CHUNK_ALIGN - 1);
	if (need < CHUNK_MIN)
		need = CHUNK_MIN;
	__lock(&__malloc_lock);
	struct chunk *c = take(need);
	if (!c && grow(need) == 0)
		c = take(need);
	__unlock(&__malloc_lock);
	if (!c) {
		errno = ENOMEM;
		return NULL;
	}
	return (char *)c + CHUNK_HDR;
}
