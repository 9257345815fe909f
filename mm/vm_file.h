/* mm/vm_file.h: a file that VMAs can map, and the page cache that shares
 * its pages. mm/ sees a file only as bytes in kernel memory: exec/ makes a
 * vm_file for each initrd file it maps. */
#ifndef MM_VM_FILE_H
#define MM_VM_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "mm/memlayout.h"

struct vm_file {
	const char *path;     /* for /proc/PID/maps-style listings */
	const uint8_t *data;  /* the contents, in the direct map; read-only */
	uint32_t size;        /* bytes of data */
};

/* The frame that caches page `index` of file (bytes index*PAGE_SIZE on;
 * past the end of the file the page reads as zeros), with one reference
 * added for the caller. The first request copies the page in; later ones
 * share that frame. Returns 0 when out of memory or index is past the
 * file's last page. */
paddr_t pagecache_get(struct vm_file *file, uint32_t index);

/* Drop every cached page that nothing maps any more; returns how many
 * frames were freed. Called under memory pressure and by the tests. */
size_t pagecache_shrink(void);

/* Pages in the cache now. */
size_t pagecache_count(void);

#endif
