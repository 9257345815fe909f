/* mm/pmm_internal.h: the frame table, the pure core of the frame allocator.
 * Private to mm/ (and the host unit tests): it knows nothing of Multiboot
 * or paging, so the host can test it on a table of its own. */
#ifndef MM_PMM_INTERNAL_H
#define MM_PMM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FRAME_NONE     0xffffffffu  /* "no frame" in a free list */
#define FRAME_RESERVED 0xffffffffu  /* refcount of a frame never handed out */

/* One per physical page frame, indexed by frame number (address >> 12). */
struct frame {
	uint32_t refcount;  /* 0: free; FRAME_RESERVED: not RAM or reserved */
	uint32_t next;      /* while free: next free frame in its zone */
};

enum frame_zone { ZONE_LOW, ZONE_HIGH, ZONE_COUNT };

/* Each zone keeps a LIFO free list threaded through frames[].next, so
 * allocation and freeing are O(1). */
struct frame_table {
	struct frame *frames;   /* frames[0..nframes) */
	uint32_t nframes;
	uint32_t low_limit;     /* frame numbers below this are ZONE_LOW */
	uint32_t head[ZONE_COUNT];
	size_t nfree[ZONE_COUNT];
	size_t total;           /* allocatable frames (free or in use) */
};

/* Start a table over storage[0..nframes) with every frame reserved. */
void ft_init(struct frame_table *ft, struct frame *storage, uint32_t nframes,
	     uint32_t low_limit);

/* Mark frames [first, end) as RAM (not yet free: call ft_build). */
void ft_mark_ram(struct frame_table *ft, uint32_t first, uint32_t end);

/* Mark frames [first, end) reserved, whatever they were. */
void ft_mark_reserved(struct frame_table *ft, uint32_t first, uint32_t end);

/* Thread every RAM frame into its zone's free list, lowest number first
 * out. Call once, after all the marking. */
void ft_build(struct frame_table *ft);

/* Take a free frame with refcount 1: from ZONE_LOW only if low_only, else
 * high frames first. Returns its number or FRAME_NONE. */
uint32_t ft_alloc(struct frame_table *ft, bool low_only);

/* Add a reference. Returns false (and changes nothing) if the frame is
 * free, reserved or out of range. */
bool ft_ref(struct frame_table *ft, uint32_t frame);

/* Drop a reference, freeing the frame at zero. Returns 1 if it was freed,
 * 0 if references remain, -1 (changing nothing) if the frame was free,
 * reserved or out of range: a double free. */
int ft_unref(struct frame_table *ft, uint32_t frame);

/* Is the table consistent? Each zone's free list holds only free frames
 * of that zone, as many as its count says, without a loop; every free
 * frame is on a list; free and used frames add up to the total. 0, or -1
 * with *why naming the first broken rule. Changes nothing. */
int ft_check(const struct frame_table *ft, const char **why);

/* The kernel's frame table (mm/pmm.c), for checks and their tests. */
struct frame_table *pmm_table(void);

#endif
