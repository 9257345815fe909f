/* mm/pagecache.c: file pages shared by every address space that maps them
 * and by read() and write(), in a hash table keyed by (file, page index).
 * The cache holds one reference on each frame; each mapping holds another.
 * A dirty page (written, or of a file with no backing bytes there) is the
 * only copy of its data: only clean pages are ever dropped. The table is
 * guarded by cache_lock; frames are never allocated with it held, since
 * allocating may reclaim, which shrinks this cache. */
#include "mm/vm_file.h"

#include <stdbool.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "kernel/lock.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/pmm.h"

#define BUCKETS 1024  /* a power of two */

struct cached_page {
	struct vm_file *file;
	uint32_t index;             /* page number within the file */
	paddr_t frame;
	bool dirty;                 /* holds data found nowhere else */
	struct cached_page *next;   /* next in the bucket */
};

static struct spinlock cache_lock = SPINLOCK_INIT("page cache");
static struct cached_page *buckets[BUCKETS];  /* [cache_lock] */
static size_t npages;                         /* [cache_lock] */

static struct cached_page **bucket_of(const struct vm_file *f, uint32_t index)
{
	uint32_t h = ((uint32_t)(uintptr_t)f >> 4) ^ (index * 0x9e3779b1u);
	return &buckets[(h ^ (h >> 16)) & (BUCKETS - 1)];
}

/* A new frame holding page index of f: backing bytes below data_size,
 * zeros from there on. */
static paddr_t read_page(const struct vm_file *f, uint32_t index)
{
	paddr_t frame = pmm_alloc_frame(0);
	if (!frame)
		return 0;
	uint32_t off = index * PAGE_SIZE, n = 0;
	if (f->data && off < f->data_size)
		n = f->data_size - off < PAGE_SIZE ? f->data_size - off : PAGE_SIZE;
	uint8_t *p = kmap(frame);
	if (n)
		memcpy(p, f->data + off, n);
	memset(p + n, 0, PAGE_SIZE - n);
	kunmap(p);
	return frame;
}

/* The cached page of (f, index) with a reference for the caller, or 0.
 * cache_lock held. */
static paddr_t find(struct vm_file *f, uint32_t index, bool dirty)
{
	for (struct cached_page *c = *bucket_of(f, index); c; c = c->next) {
		if (c->file == f && c->index == index) {
			c->dirty |= dirty;
			pmm_ref_frame(c->frame);
			return c->frame;
		}
	}
	return 0;
}

static paddr_t get(struct vm_file *f, uint32_t index, bool dirty)
{
	if (index >= (f->size + PAGE_SIZE - 1) / PAGE_SIZE)
		return 0;
	spin_lock(&cache_lock);
	paddr_t frame = find(f, index, dirty);
	spin_unlock(&cache_lock);
	if (frame)
		return frame;
	struct cached_page *c = kmalloc(sizeof(*c));
	if (!c)
		return 0;
	if (!(frame = read_page(f, index))) {
		kfree(c);
		return 0;
	}
	spin_lock(&cache_lock);
	paddr_t raced = find(f, index, dirty);  /* filled while we read? */
	if (!raced) {
		struct cached_page **b = bucket_of(f, index);
		*c = (struct cached_page){ f, index, frame, dirty, *b };
		*b = c;
		npages++;
		pmm_ref_frame(frame);  /* one for the cache, one for the caller */
	}
	spin_unlock(&cache_lock);
	if (raced) {
		pmm_free_frame(frame);
		kfree(c);
		return raced;
	}
	return frame;
}

paddr_t pagecache_get(struct vm_file *f, uint32_t index)
{
	return get(f, index, false);
}

paddr_t pagecache_get_dirty(struct vm_file *f, uint32_t index)
{
	return get(f, index, true);
}

/* Remove every page of f that drop() selects; returns how many. */
static size_t remove_pages(bool (*drop)(const struct cached_page *c,
					const void *arg), const void *arg)
{
	size_t freed = 0;
	spin_lock(&cache_lock);
	for (int i = 0; i < BUCKETS; i++) {
		for (struct cached_page **pp = &buckets[i]; *pp;) {
			struct cached_page *c = *pp;
			if (!drop(c, arg)) {
				pp = &c->next;
				continue;
			}
			*pp = c->next;
			pmm_free_frame(c->frame);  /* the cache's reference */
			kfree(c);
			npages--;
			freed++;
		}
	}
	spin_unlock(&cache_lock);
	return freed;
}

struct cut {
	const struct vm_file *file;
	uint32_t first;  /* first page index to drop */
};

static bool past_cut(const struct cached_page *c, const void *arg)
{
	const struct cut *cut = arg;
	return c->file == cut->file && c->index >= cut->first;
}

void pagecache_truncate(struct vm_file *f, uint32_t size)
{
	struct cut cut = { f, (size + PAGE_SIZE - 1) / PAGE_SIZE };
	if (size < f->size)
		as_unmap_file_past(f, size);  /* mappings lose those pages too */
	remove_pages(past_cut, &cut);
	if (size % PAGE_SIZE && size < f->size) {
		/* Zero the cut page's tail, if it is cached. */
		uint32_t index = size / PAGE_SIZE;
		spin_lock(&cache_lock);
		paddr_t frame = find(f, index, false);
		spin_unlock(&cache_lock);
		if (frame) {
			uint8_t *p = kmap(frame);
			memset(p + size % PAGE_SIZE, 0, PAGE_SIZE - size % PAGE_SIZE);
			kunmap(p);
			pmm_free_frame(frame);  /* find's reference */
		}
	}
	if (f->data_size > size)
		f->data_size = size;
	f->size = size;
}

void pagecache_evict(struct vm_file *f)
{
	struct cut cut = { f, 0 };
	remove_pages(past_cut, &cut);
}

static bool unused_clean(const struct cached_page *c, const void *arg)
{
	return !c->dirty && pmm_frame_refcount(c->frame) == 1;
}

size_t pagecache_shrink(void)
{
	return remove_pages(unused_clean, NULL);
}

bool pagecache_cached(const struct vm_file *f, uint32_t index)
{
	bool found = false;
	spin_lock(&cache_lock);
	for (struct cached_page *c = *bucket_of(f, index); c && !found; c = c->next)
		found = c->file == f && c->index == index;
	spin_unlock(&cache_lock);
	return found;
}

size_t pagecache_count(void)
{
	return npages;
}

void pagecache_for_each_frame(void (*fn)(paddr_t frame, void *arg), void *arg)
{
	spin_lock(&cache_lock);
	for (int i = 0; i < BUCKETS; i++)
		for (const struct cached_page *c = buckets[i]; c; c = c->next)
			fn(c->frame, arg);
	spin_unlock(&cache_lock);
}
