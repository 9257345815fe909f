/* mm/vmm.h: page tables, in portable terms. One page directory per address
 * space; its kernel half is the kernel's. The x86 implementation is
 * kernel/arch/x86/pgtable.c, the only code that knows PTE bits. */
#ifndef MM_VMM_H
#define MM_VMM_H

#include <stdbool.h>

#include "mm/memlayout.h"

/* Portable mapping flags. A mapping is always readable by the kernel. */
#define VMM_USER  0x1u  /* user code may read it */
#define VMM_WRITE 0x2u  /* writable (by the user too if VMM_USER) */

/* Make a page directory: user half empty, kernel half shared. Returns its
 * physical address, or 0 when out of memory. */
paddr_t vmm_create(void);

/* Unmap the whole user half (dropping each mapped frame's reference as
 * vmm_unmap_range does) and free the page tables and the directory. The
 * directory must not be the one loaded. */
void vmm_destroy(paddr_t pd);

/* Load pd into the MMU (a CR3 write: the user half's TLB entries go). */
void vmm_switch(paddr_t pd);

/* The directory loaded now. */
paddr_t vmm_current(void);

/* The kernel's own directory (no user mappings), loaded when no address
 * space is current. */
paddr_t vmm_kernel_pd(void);

/* Map the page at va (page aligned, below USER_TOP) to frame with flags,
 * replacing any previous mapping there: the caller owns the reference the
 * mapping holds, and the old frame's. Returns 0 or -ENOMEM (no frame for a
 * page table; nothing changed). */
int vmm_map(paddr_t pd, vaddr_t va, paddr_t frame, unsigned flags);

/* As vmm_map, but only where nothing is mapped yet (one page-table walk
 * for a fault that found the page absent): -EEXIST, and nothing changed,
 * if va is mapped already. */
int vmm_map_new(paddr_t pd, vaddr_t va, paddr_t frame, unsigned flags);

/* Remove the mapping at va and return its frame (0 if none was mapped).
 * The reference the mapping held passes to the caller. */
paddr_t vmm_unmap(paddr_t pd, vaddr_t va);

/* If va is mapped, store its frame and flags and return true. */
bool vmm_query(paddr_t pd, vaddr_t va, paddr_t *frame, unsigned *flags);

/* Map every page present in [start, end) of from into to (a directory
 * with nothing mapped there), the same frame with one more reference. With
 * cow, writable pages become read-only in both. Returns the number of
 * pages shared, or -ENOMEM (what was shared so far stays mapped in to,
 * for its owner to destroy). */
int vmm_share_range(paddr_t from, paddr_t to, vaddr_t start, vaddr_t end,
		    bool cow);

/* Change the present pages in [start, end) to allow at most flags: a
 * page loses VMM_WRITE or VMM_USER that flags lacks; VMM_USER is given
 * back when flags has it; VMM_WRITE is never added (a write to such a
 * page takes a copy-on-write fault, which decides). Flushes the TLB once
 * if pd is loaded. */
void vmm_protect_range(paddr_t pd, vaddr_t start, vaddr_t end, unsigned flags);

/* Unmap every page in [start, end) (page aligned, below USER_TOP),
 * dropping the reference each mapping held with pmm_free_frame(), and
 * free page tables left empty. Returns the number of pages unmapped. The
 * TLB is flushed once at the end. */
unsigned vmm_unmap_range(paddr_t pd, vaddr_t start, vaddr_t end);

/* Call fn for every present user page of pd, in address order, with its
 * frame and VMM_* flags, until fn returns nonzero (returned). The page
 * tables must not change meanwhile (interrupts off). */
int vmm_for_each_user_page(paddr_t pd, int (*fn)(vaddr_t va, paddr_t frame,
						 unsigned flags, void *arg),
			   void *arg);

/* Call fn for the frames pd's user half is made of: the directory itself,
 * then every page table under USER_TOP (mm/frame_check.c counts them).
 * The page tables must not change meanwhile (interrupts off). */
void vmm_for_each_table(paddr_t pd, void (*fn)(paddr_t frame, void *arg),
			void *arg);

#endif
