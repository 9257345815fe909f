/* mm/kheap.h: the kernel heap, for small objects (at most KMALLOC_MAX
 * bytes). Size classes carved out of direct-mapped frames (docs/heap.md).
 * Every function here may be called with interrupts off or from an
 * interrupt handler. */
#ifndef MM_KHEAP_H
#define MM_KHEAP_H

#include <stddef.h>

#define KMALLOC_MAX 2048

/* Allocate size bytes (1..KMALLOC_MAX), aligned to at least 8 and to the
 * power of two at or above size up to 16. Returns NULL when out of memory
 * or when size is 0 or too large. Contents are undefined (poisoned in the
 * debug build). */
void *kmalloc(size_t size);

/* kmalloc, then zero the memory. */
void *kzalloc(size_t size);

/* Free what kmalloc returned; NULL is ignored. Freeing a pointer twice or
 * one kmalloc did not return is a kernel bug: kfree panics, naming the
 * pointer and the reason. A slab's frame goes back to the frame allocator
 * when its last object is freed. */
void kfree(void *p);

/* Give back the frames of slabs that hold no object (each size class
 * keeps one for reuse); returns how many. Called under memory pressure
 * and by the test runner before it counts frames. */
size_t kheap_shrink(void);

/* Bytes currently allocated (each object counted at its size class). The
 * test runner compares it before and after every case. */
size_t kheap_bytes_in_use(void);

/* How many objects of kmalloc(size)'s class fit in one slab (one frame).
 * Returns 0 if size is 0 or above KMALLOC_MAX. */
unsigned kheap_slab_capacity(size_t size);

/* Frames the heap holds as slabs (partial, full and spare). The same live
 * objects can take more or fewer slabs depending on where each landed, so
 * the test runner counts these apart from the frames it checks for leaks
 * (tests/ktest.c). */
size_t kheap_frames(void);

/* The heap's slabs are consistent: every listed slab is a live slab of
 * its class, its bitmap, in-use count and free list agree, and (debug
 * heap) every free object's poison is intact. 0, or -1 with *why naming
 * the broken rule (mm/check.h). Only partial and spare slabs are listed;
 * full ones are checked when an object of theirs is freed. */
int kheap_check(const char **why);

#endif
