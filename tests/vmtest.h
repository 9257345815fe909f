/* tests/vmtest.h: small helpers for tests of address spaces and faults. */
#ifndef TESTS_VMTEST_H
#define TESTS_VMTEST_H

#include "mm/as.h"

/* A new address space holding v (from vma_create; NULL is allowed and
 * gives NULL), made current. On failure v is freed and NULL returned. */
struct address_space *vmtest_space(struct vma *v);

/* Switch back to the kernel's address space, destroy as and reclaim the
 * caches (mm/reclaim.h), so frame counts compare exactly. */
void vmtest_done(struct address_space *as);

/* The frame mapped at va in as, or 0. */
paddr_t vmtest_frame(struct address_space *as, vaddr_t va);

#endif
