/* mm/reclaim.c: the caches that mm_reclaim() empties, in one place. */
#include "mm/reclaim.h"

#include "mm/kheap.h"
#include "mm/vm_file.h"

size_t mm_reclaim(void)
{
	/* The page cache first: freeing its bookkeeping may empty a slab. */
	size_t n = pagecache_shrink();
	return n + kheap_shrink();
}
