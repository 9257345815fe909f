/* mm/pagecache.c: file pages shared by every address space that maps them,
 * in a hash table keyed by (file, page index). The cache holds one
 * reference on each frame; each mapping holds another. */
#include "mm/vm_file.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/pmm.h"

#define BUCKETS 1024  /* a power of two */

struct cached_page {
	struct vm_file *file;
	uint32_t index;             /* page number within the file */
	paddr_t frame;
	struct cached_page *next;   /* next in the bucket */
};

static struct cached_page *buckets[BUCKETS];
static size_t npages;

static struct cached_page **bucket_of(const struct vm_file *f, uint32_t index)
{
	uint32_t h = ((uint32_t)(uintptr_t)f >> 4) ^ (index * 0x9e3779b1u);
	return &buckets[(h ^ (h >> 16)) & (BUCKETS - 1)];
}

/* Copy page index of f into a new frame, zero-filling past the file end. */
static paddr_t read_page(const struct vm_file *f, uint32_t index)
{
	paddr_t frame = pmm_alloc_frame(0);
	if (!frame)
		return 0;
	uint32_t off = index * PAGE_SIZE;
	uint32_t n = f->size - off < PAGE_SIZE ? f->size - off : PAGE_SIZE;
	uint8_t *p = kmap(frame);
	memcpy(p, f->data + off, n);
	memset(p + n, 0, PAGE_SIZE - n);
	kunmap(p);
	return frame;
}

paddr_t pagecache_get(struct vm_file *f, uint32_t index)
{
	if (index >= (f->size + PAGE_SIZE - 1) / PAGE_SIZE)
		return 0;
	struct cached_page **b = bucket_of(f, index);
	for (struct cached_page *c = *b; c; c = c->next) {
		if (c->file == f && c->index == index) {
			pmm_ref_frame(c->frame);
			return c->frame;
		}
	}
	struct cached_page *c = kmalloc(sizeof(*c));
	if (!c)
		return 0;
	paddr_t frame = read_page(f, index);
	if (!frame) {
		kfree(c);
		return 0;
	}
	*c = (struct cached_page){ f, index, frame, *b };
	*b = c;
	npages++;
	pmm_ref_frame(frame);  /* one for the cache, one for the caller */
	return frame;
}

size_t pagecache_shrink(void)
{
	size_t freed = 0;
	for (int i = 0; i < BUCKETS; i++) {
		for (struct cached_page **pp = &buckets[i]; *pp;) {
			struct cached_page *c = *pp;
			if (pmm_frame_refcount(c->frame) != 1) {  /* still mapped */
				pp = &c->next;
				continue;
			}
			*pp = c->next;
			pmm_free_frame(c->frame);
			kfree(c);
			npages--;
			freed++;
		}
	}
	return freed;
}

size_t pagecache_count(void)
{
	return npages;
}
