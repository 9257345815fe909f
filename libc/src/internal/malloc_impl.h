/* libc/src/internal/malloc_impl.h: the heap allocator's chunks and its
 * free list, shared by malloc.c, free.c and realloc.c. */
#ifndef _INTERNAL_MALLOC_IMPL_H
#define _INTERNAL_MALLOC_IMPL_H

#include <stddef.h>

#define CHUNK_ALIGN 16                 /* payloads are 16-byte aligned */
#define CHUNK_HDR   sizeof(struct chunk)
#define CHUNK_MIN   (2 * CHUNK_ALIGN)  /* a header and 16 bytes */
#define CHUNK_USED  1u                 /* low bit of size */

/* A chunk is a header then its payload. size counts both, is a multiple
 * of CHUNK_ALIGN, and has CHUNK_USED set while the caller owns it. */
struct chunk {
	size_t size;
	struct chunk *next;  /* free chunks only: next higher free chunk */
	size_t pad[2];       /* header = 16 bytes, so payloads stay aligned */
};

/* Free chunks sorted by address, neighbours always merged; guarded by
 * __malloc_lock (libc's __lock) once there are threads. */
extern struct chunk *__malloc_free;
extern volatile int __malloc_lock;

/* Put chunk c (CHUNK_USED clear) on the free list, merging it with free
 * neighbours that touch it. */
void __malloc_insert(struct chunk *c);

#endif
