/* mm/check.h: invariant checkers for memory management (docs/testing.md).
 * Each walks one structure and says whether it is consistent: the frame
 * table (pmm_check, mm/pmm.h), the heap's slabs (kheap_check, mm/kheap.h),
 * a VMA tree (vma_tree_check, mm/vma.h) and, here, a whole address space.
 * A checker returns 0, or -1 with *why naming the first broken rule; it
 * never changes anything. The debug build (make DEBUG=1) runs them after
 * every KTEST case and when an address space is destroyed; the kernel
 * option `check` runs them after every system call (slow: for hunting). */
#ifndef MM_CHECK_H
#define MM_CHECK_H

#include <stdbool.h>

struct address_space;

/* as is consistent: its VMA tree is (vma_tree_check); every present user
 * page-table entry lies inside a VMA, is user-accessible unless the VMA
 * is PROT_NONE, is writable only in a writable VMA, and maps an allocated frame; its resident count
 * equals its present entries. *where receives the address at fault (0 if
 * none). */
int as_check(const struct address_space *as, const char **why,
	     unsigned long *where);

/* Run every checker (the frame table, the heap, every address space).
 * On a failure print "invariant broken after WHEN: ..." and return -1. */
int mm_check_all(const char *when);

/* Set by the `check` kernel option: syscall_dispatch calls
 * mm_check_syscall() after every call. */
extern bool mm_check_syscalls;

/* After system call nr: the frame table, the heap and the caller's
 * address space; a failure panics, naming the call. */
void mm_check_syscall(unsigned nr);

#endif
