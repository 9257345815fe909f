/* mm/shmem.h: shared anonymous memory, the object behind a
 * MAP_SHARED|MAP_ANONYMOUS mapping. Its pages belong to the object, not to
 * an address space, so every VMA that refers to it (the mapping, its split
 * parts, the copies fork makes) sees the same frames. Linux backs such a
 * mapping with a shmem file ("/dev/zero (deleted)" in the maps view). */
#ifndef MM_SHMEM_H
#define MM_SHMEM_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/lock.h"
#include "mm/memlayout.h"

/* Every field is guarded by lock: processes sharing the object (after
 * fork) fault on it independently. */
struct shmem {
	struct spinlock lock;
	unsigned refs;     /* VMAs referring to it; freed with the last */
	uint32_t pages;    /* its size, fixed at creation; a page at or past
			      it faults as a bus error, as Linux */
	paddr_t dir;       /* a direct-mapped frame of 1024 leaf frames, each
			      1024 page frames (0: none yet); the object holds
			      one reference on each page frame */
	uint32_t resident; /* page frames held */
};

/* A new object of `pages` zero pages (none allocated yet), one reference.
 * NULL when out of memory. */
struct shmem *shmem_create(uint32_t pages);

/* Add a reference (one more VMA refers to s). */
void shmem_get(struct shmem *s);

/* Drop a reference; with the last, every page frame's object reference
 * goes (frames still mapped somewhere stay until unmapped). */
void shmem_put(struct shmem *s);

/* The frame of page index with one reference added for the caller (a new
 * zero frame the first time). 0 when out of memory. Precondition: index <
 * s->pages. */
paddr_t shmem_page(struct shmem *s, uint32_t index);

/* True if page index has a frame now (mincore). */
bool shmem_resident(struct shmem *s, uint32_t index);

/* Call fn for every frame s holds a reference on: its directory, its leaf
 * tables and its pages. Returns the number of pages (s->resident should
 * say the same). For the frame check (mm/frame_check.c): interrupts off,
 * so nothing changes s meanwhile. */
uint32_t shmem_for_each_frame(const struct shmem *s,
			      void (*fn)(paddr_t frame, void *arg), void *arg);

#endif
