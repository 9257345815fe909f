/* tests/host/frame_table_check.h: a structural check of a frame table,
 * shared by the frame-table host tests. */
#ifndef TESTS_HOST_FRAME_TABLE_CHECK_H
#define TESTS_HOST_FRAME_TABLE_CHECK_H

#include <stdbool.h>

#include "mm/pmm_internal.h"

/* Walk zone z's free list of ft: true if every frame on it is in range, in
 * zone z, free (refcount 0) and listed once, and the list is as long as
 * ft->nfree[z] says. Prints a '#' line saying what is wrong otherwise. */
bool free_list_ok(const struct frame_table *ft, enum frame_zone z);

#endif
