/* mm/reclaim.h: giving back memory that caches hold but nobody uses. */
#ifndef MM_RECLAIM_H
#define MM_RECLAIM_H

#include <stddef.h>

/* Free every reclaimable frame: page-cache pages nothing maps, and the
 * heap's spare empty slabs. Returns how many frames went back. The frame
 * allocator calls it before it reports that memory ran out; the test
 * runner calls it before counting frames, so a cache is not a leak. */
size_t mm_reclaim(void);

#endif
