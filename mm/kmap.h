/* mm/kmap.h: temporary kernel mappings of any frame. A frame in the direct
 * map is reached through P2V; one above it (highmem) borrows a slot of the
 * kmap window at the top of the address space, as Linux's kmap does. */
#ifndef MM_KMAP_H
#define MM_KMAP_H

#include "mm/memlayout.h"

/* Map frame into kernel space and return its address. Never fails: the
 * window has KMAP_SLOTS slots and a kmap is held only briefly (running out
 * is a kernel bug). Pair every kmap with one kunmap. */
void *kmap(paddr_t frame);

/* Undo kmap(); va is what kmap returned. */
void kunmap(void *va);

/* Slots in use now (the tests check that kmap/kunmap pair up). */
unsigned kmap_slots_in_use(void);

#endif
