/* mm/vm_file.h: a file that VMAs can map, and the page cache that holds
 * its pages. mm/ sees a file only as a size, optional backing bytes in
 * kernel memory (the initrd archive) and a reference count: fs/ embeds a
 * vm_file in every regular file's inode, and exec, read() and mmap all
 * reach the file's bytes through pagecache_get() on it. */
#ifndef MM_VM_FILE_H
#define MM_VM_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/memlayout.h"

struct vm_file {
	const char *path;     /* for /proc/PID/maps-style listings */
	const uint8_t *data;  /* backing bytes in the direct map (read-only;
				 the initrd archive), or NULL */
	uint32_t size;        /* the file's size in bytes now */
	uint32_t data_size;   /* bytes of data that are still the file's:
				 a page is filled from data below it and
				 with zeros above it; <= size */
	uint32_t refs;        /* holders: VMAs that map it, open files,
				 working directories, lookups in progress */
	void (*release)(struct vm_file *file);  /* called when refs drops to
				 0; NULL for a file that is never freed */
	void (*written)(struct vm_file *file);  /* called on a write fault in
				 a shared mapping (the file's mtime and
				 ctime become now); may be NULL */
	uint32_t dev, ino;    /* the file's st_dev (MKDEV form) and st_ino,
				 for /proc/PID/maps; 0 for a file outside
				 the tree (the kernel's own initrd index) */
};

/* Take a reference on file (NULL is ignored); returns file. */
static inline struct vm_file *vm_file_get(struct vm_file *file)
{
	if (file)
		file->refs++;
	return file;
}

/* Drop a reference; the last one calls file->release (if set). */
static inline void vm_file_put(struct vm_file *file)
{
	if (file && --file->refs == 0 && file->release)
		file->release(file);
}

/* A write through a shared mapping of file is about to change its bytes:
 * tell the file (its times move, as write() moves them). */
static inline void vm_file_written(struct vm_file *file)
{
	if (file->written)
		file->written(file);
}

/* The frame that caches page `index` of file (bytes index*PAGE_SIZE on;
 * past the end of the file the page reads as zeros), with one reference
 * added for the caller. The first request fills the page (from file->data
 * below data_size, zeros above); later ones share that frame. Returns 0
 * when out of memory or index is past the file's last page (a mapping
 * turns that into SIGBUS). */
paddr_t pagecache_get(struct vm_file *file, uint32_t index);

/* As pagecache_get(), and mark the page dirty: it holds bytes that exist
 * nowhere else, so pagecache_shrink() never drops it. write() and a write
 * fault in a shared file mapping use this. */
paddr_t pagecache_get_dirty(struct vm_file *file, uint32_t index);

/* Set file's size to size: pages wholly past the new end leave the cache
 * (a mapping that still maps one keeps its frame), the bytes past the end
 * in the last cached page become zeros, and backing data past it is
 * forgotten, so that growing the file again reads zeros there. Cannot
 * fail: no page needs reading in. */
void pagecache_truncate(struct vm_file *file, uint32_t size);

/* Drop every page of file from the cache (the file is being freed). */
void pagecache_evict(struct vm_file *file);

/* Drop every clean cached page that nothing maps any more; returns how
 * many frames were freed. Called under memory pressure and by the tests. */
size_t pagecache_shrink(void);

/* True if page index of file is in the cache now (mincore). */
bool pagecache_cached(const struct vm_file *file, uint32_t index);

/* Pages in the cache now. */
size_t pagecache_count(void);

/* Call fn for the frame of every cached page (the cache holds one
 * reference on each), under the cache's lock: fn must not use the cache.
 * For the frame check (mm/frame_check.c). */
void pagecache_for_each_frame(void (*fn)(paddr_t frame, void *arg), void *arg);

#endif
