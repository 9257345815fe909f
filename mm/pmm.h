/* mm/pmm.h: the physical frame allocator. Hands out 4 KiB frames in O(1)
 * from the RAM the loader reported, never a reserved one, and keeps a
 * reference count per frame for shared and copy-on-write pages. */
#ifndef MM_PMM_H
#define MM_PMM_H

#include <stdbool.h>
#include <stddef.h>

#include "mm/memlayout.h"

struct bootinfo;

/* Allocation flags. */
#define PMM_LOWMEM 0x1  /* the frame must be in the direct map (kernel data,
			   page tables); otherwise high frames come first */
#define PMM_ZERO   0x2  /* fill the frame with zeros */

/* Build the frame table from bootinfo's RAM ranges, leaving out every
 * reserved range (kernel image, Multiboot data, command line, modules) and
 * the table itself. Logs the memory found. */
void pmm_init(const struct bootinfo *bi);

/* Allocate one frame with reference count 1. When none is free, first
 * reclaims cached memory (mm/reclaim.h). Returns its physical address, or
 * 0 when no frame can be had (frame 0 is never handed out). */
paddr_t pmm_alloc_frame(unsigned flags);

/* Add a reference to an allocated frame (a second mapping of it). */
void pmm_ref_frame(paddr_t frame);

/* Drop a reference; the frame returns to the free list when the last one
 * goes. Freeing a free or reserved frame is a kernel bug (panic). */
void pmm_free_frame(paddr_t frame);

/* The frame's reference count: 0 if free. */
unsigned pmm_frame_refcount(paddr_t frame);

/* True if frame is in the direct map (P2V works on it). */
static inline bool pmm_is_lowmem(paddr_t frame)
{
	return frame < LOWMEM_LIMIT;
}

/* Counters, in frames. */
size_t pmm_free_count(void);        /* free now, both zones */
size_t pmm_free_lowmem_count(void); /* free now, direct-mapped */
size_t pmm_total_count(void);

/* The frame table is consistent (ft_check, mm/pmm_internal.h): 0, or -1
 * with *why naming the broken rule (mm/check.h). */
int pmm_check(const char **why);       /* every allocatable frame */

#endif
