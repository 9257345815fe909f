/* mm/kstack.h: kernel stacks in their own window of the kernel half
 * (mm/memlayout.h), each one page with an unmapped guard page below it,
 * so that an overflow faults instead of overwriting the memory below.
 * (How deep stacks go is measured by kernel/kstack.h, in the debug
 * build.) */
#ifndef MM_KSTACK_H
#define MM_KSTACK_H

#include <stdbool.h>

#include "mm/memlayout.h"

/* A new kernel stack: a frame mapped at a free slot's stack page. Returns
 * the lowest address of its PAGE_SIZE bytes (the stack grows down from
 * that + PAGE_SIZE), contents undefined; NULL when out of frames or out
 * of slots (KSTACK_SLOTS stacks exist). */
void *kstack_alloc(void);

/* Unmap a stack kstack_alloc() returned, free its frame and its slot.
 * The stack must not be in use (not the running thread's). */
void kstack_free(void *stack);

/* If addr lies in a slot's guard page, the stack that page guards (the
 * page just above it, which may be free), else NULL. */
void *kstack_guarded_by(vaddr_t addr);

/* Stacks allocated now (the tests check that threads give theirs back). */
unsigned kstack_in_use(void);

#endif
