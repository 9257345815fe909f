/* mm/kheap_internal.h: the kernel heap's private interface, for mm/ and its
 * tests only: the debug switch, the poison bytes and the checks that kfree
 * and kmalloc make, callable without panicking. */
#ifndef MM_KHEAP_INTERNAL_H
#define MM_KHEAP_INTERNAL_H

#include <stddef.h>

#include "mm/kheap.h"

/* Debug checks: poison free and new objects, and panic on a write after
 * free. On unless the build says -DKHEAP_DEBUG=0. (Double and foreign
 * frees are caught in every build: the bitmap check is O(1).) */
#ifndef KHEAP_DEBUG
#define KHEAP_DEBUG 1
#endif

#define KHEAP_POISON_FREE 0x6b  /* fills a free object (after its link word) */
#define KHEAP_POISON_NEW  0xa5  /* fills an object kmalloc hands out */

/* A free object's first word links it into its slab's free list, so the
 * poison covers only the bytes after it. */
#define KHEAP_LINK_SIZE sizeof(void *)

/* The smallest and largest size classes; every power of two in between is
 * a class too. */
#define KHEAP_MIN_CLASS 16
#define KHEAP_MAX_CLASS KMALLOC_MAX

/* Is p something kfree may free now: the start of an allocated object in a
 * live slab? Returns 0 if so; -EINVAL for a pointer kmalloc never returned
 * (outside the direct map, not in a slab page, not on an object boundary)
 * or one already freed. Never panics, and never reads memory that is not
 * an allocated frame, so any pointer value may be passed. */
int kheap_check_free(const void *p);

/* Is p a free object whose poison is intact? Returns 0 if so; -EINVAL if p
 * is not a free object in a live slab, or if a byte after its link word
 * differs from KHEAP_POISON_FREE (a write after free). Always -EINVAL when
 * KHEAP_DEBUG is 0. Never panics. */
int kheap_check_poison(const void *p);

/* The size class kmalloc(size) uses: the power of two at or above size,
 * at least KHEAP_MIN_CLASS. Returns 0 if size is 0 or above KMALLOC_MAX. */
size_t kheap_class_size(size_t size);

#endif
