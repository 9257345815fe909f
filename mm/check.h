/* mm/check.h: invariant checkers for memory management (docs/testing.md).
 * Each walks one structure and says whether it is consistent: the frame
 * table (pmm_check, mm/pmm.h), the heap's slabs (kheap_check, mm/kheap.h),
 * a VMA tree (vma_tree_check, mm/vma.h) and, here, a whole address space
 * and every frame's reference count against its holders.
 * A checker returns 0, or -1 with *why naming the first broken rule; it
 * never changes anything. The debug build (make DEBUG=1) runs them after
 * every KTEST case and when an address space is destroyed; the kernel
 * option `check` runs them after every system call (slow: for hunting). */
#ifndef MM_CHECK_H
#define MM_CHECK_H

#include <stdbool.h>

#include "mm/memlayout.h"

struct address_space;

/* as is consistent: its VMA tree is (vma_tree_check); every present user
 * page-table entry lies inside a VMA, is user-accessible unless the VMA
 * is PROT_NONE, is writable only in a writable VMA, and maps an allocated frame; its resident count
 * equals its present entries. *where receives the address at fault (0 if
 * none). */
int as_check(const struct address_space *as, const char **why,
	     unsigned long *where);

/* A frame whose reference count disagrees with the holders found. */
struct frame_mismatch {
	paddr_t frame;
	unsigned refs;   /* the frame table's count (0: free or reserved) */
	unsigned found;  /* holders found for it */
};

/* Every frame that something in memory management holds has as many
 * references as holders (mm/frame_check.c): a present user page-table
 * entry of any address space, the page cache (one per cached page), a
 * shared anonymous object (one per page and per table of it), an address
 * space's page directory and page tables. Frames only the kernel holds
 * (no holder found) are left out. Returns the number of wrong frames,
 * the first max of them in out[]; or -1 with *why when a holder's own
 * count is wrong (a shared object's resident count); *why is NULL
 * otherwise. Changes nothing. */
int frames_check(struct frame_mismatch *out, int max, const char **why);

/* Who holds frame, as frames_check counts holders: by[FRAME_BY_*], and
 * the first address space that maps it (as, NULL if none) and where. */
enum { FRAME_BY_MAP, FRAME_BY_TABLE, FRAME_BY_CACHE, FRAME_BY_SHMEM,
       FRAME_BY_KINDS };
struct frame_explain {
	unsigned by[FRAME_BY_KINDS];
	const struct address_space *as;
	unsigned long va;
};
void frames_explain(paddr_t frame, struct frame_explain *ex);

/* Print n mismatches from frames_check (the first `shown` of m, which
 * holds that many), each with its holders and the pid that maps it:
 *   frame 01234000: 3 references, 2 holders found (2 mappings, ...)
 */
void frames_report(const struct frame_mismatch *m, int n, int shown);

/* frames_check, printing "invariant broken after WHEN: ..." and the
 * first wrong frames (frames_report) on a failure; 0 or -1. */
int mm_check_frame_refs(const char *when);

/* Run every checker (the frame table, the heap, every address space, the
 * frame references).
 * On a failure print "invariant broken after WHEN: ..." and return -1. */
int mm_check_all(const char *when);

/* Set by the `check` kernel option: syscall_dispatch calls
 * mm_check_syscall() after every call. */
extern bool mm_check_syscalls;

/* After system call nr: the frame table, the heap, the caller's address
 * space and every frame's references; a failure panics, naming the call. */
void mm_check_syscall(unsigned nr);

#endif
