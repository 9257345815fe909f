/* mm/kheap.c: the kernel heap. Eight power-of-two size classes (16..2048
 * bytes), each carving objects out of one-frame slabs taken from the frame
 * allocator; a slab's frame goes back as soon as its last object is freed.
 * docs/heap.md explains the design. */
#include "mm/kheap.h"

#include <stdbool.h>
#include <stdint.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/uapi/errno.h"
#include "mm/failinject.h"
#include "mm/kheap_internal.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"

#define MIN_SHIFT     4    /* log2(KHEAP_MIN_CLASS) */
#define MAX_SHIFT     11   /* log2(KHEAP_MAX_CLASS) */
#define NCLASSES      (MAX_SHIFT - MIN_SHIFT + 1)
#define SLAB_HDR_SIZE 64u  /* struct slab, rounded up: object 0 starts here */
#define SLAB_MAX_OBJS ((PAGE_SIZE - SLAB_HDR_SIZE) / KHEAP_MIN_CLASS)
#define BITMAP_WORDS  ((SLAB_MAX_OBJS + 31) / 32)
#define SLAB_MAGIC    0x51ab5eedu
#define POISON_WORD   (0x01010101u * KHEAP_POISON_FREE)

struct kheap_cache;

/* The header at the start of every slab frame. The objects follow it at
 * SLAB_HDR_SIZE, back to back, cache->size bytes each. */
struct slab {
	uint32_t magic;             /* SLAB_MAGIC while the frame is a slab */
	struct kheap_cache *cache;  /* the size class this slab serves */
	struct slab *prev, *next;   /* cache->partial list; used only while
				       0 < inuse < cache->capacity */
	void *free;                 /* first free object, NULL when full; a free
				       object's first word holds the next one */
	unsigned inuse;             /* objects handed out; 0 only while the slab
				       is being made or released */
	uint32_t bitmap[BITMAP_WORDS]; /* bit i set iff object i is allocated */
};

_Static_assert(sizeof(struct slab) <= SLAB_HDR_SIZE, "slab header fits");
_Static_assert(SLAB_HDR_SIZE % KHEAP_MIN_CLASS == 0, "objects stay aligned");
_Static_assert((1u << MIN_SHIFT) == KHEAP_MIN_CLASS, "MIN_SHIFT");
_Static_assert((1u << MAX_SHIFT) == KHEAP_MAX_CLASS, "MAX_SHIFT");

/* One size class. */
struct kheap_cache {
	size_t size;           /* object size: a power of two, 16..2048 */
	unsigned capacity;     /* objects per slab, at least 1 */
	struct slab *partial;  /* slabs with a free object and a live one;
				  doubly linked, NULL-terminated */
	struct slab *empty;    /* one slab with no live object, kept so that
				  an alloc/free cycle does not take and
				  return a frame each time; or NULL */
};

#define CACHE(shift) \
	{ .size = 1u << (shift), \
	  .capacity = (PAGE_SIZE - SLAB_HDR_SIZE) >> (shift) }

static struct kheap_cache caches[NCLASSES] = {
	CACHE(4), CACHE(5), CACHE(6), CACHE(7),
	CACHE(8), CACHE(9), CACHE(10), CACHE(11),
};
_Static_assert(NCLASSES == 8, "one CACHE() per class");

static size_t bytes_in_use;  /* sum of the class sizes of live objects */
static size_t slab_frames;   /* frames that are slabs now */

/* The class for size (1..KMALLOC_MAX): the power of two at or above it. */
static struct kheap_cache *cache_for(size_t size)
{
	if (size <= KHEAP_MIN_CLASS)
		return &caches[0];
	unsigned shift = 32 - (unsigned)__builtin_clz((unsigned)size - 1);
	return &caches[shift - MIN_SHIFT];
}

static struct slab *slab_of(const void *p)
{
	return (struct slab *)PAGE_ROUND_DOWN((vaddr_t)p);
}

static void *slab_obj(struct slab *s, unsigned i)
{
	return (char *)s + SLAB_HDR_SIZE + i * s->cache->size;
}

static bool bit_test(const struct slab *s, unsigned i)
{
	return s->bitmap[i / 32] & (1u << (i % 32));
}

static void bit_flip(struct slab *s, unsigned i)
{
	s->bitmap[i / 32] ^= 1u << (i % 32);
}

static void partial_push(struct kheap_cache *c, struct slab *s)
{
	s->prev = NULL;
	s->next = c->partial;
	if (c->partial)
		c->partial->prev = s;
	c->partial = s;
}

static void partial_remove(struct kheap_cache *c, struct slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		c->partial = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->prev = s->next = NULL;
}

/* Is the poison after obj's link word intact? Objects are 16-aligned and
 * a multiple of 16 long, so whole words can be compared. */
static bool poison_intact(const void *obj, size_t size)
{
	const uint32_t *w = obj;
	for (size_t i = KHEAP_LINK_SIZE / 4; i < size / 4; i++)
		if (w[i] != POISON_WORD)
			return false;
	return true;
}

/* Does s look like a live slab? Reads the header only when the frame is
 * allocated RAM, so any direct-map address is safe to ask about. */
static bool slab_valid(const struct slab *s)
{
	if (pmm_frame_refcount(V2P(s)) == 0)
		return false;
	uintptr_t c = (uintptr_t)s->cache;
	return s->magic == SLAB_MAGIC && c >= (uintptr_t)&caches[0] &&
	       c < (uintptr_t)&caches[NCLASSES] &&
	       (c - (uintptr_t)&caches[0]) % sizeof(caches[0]) == 0;
}

/* Find p's slab and object index; 0 or -EINVAL with *why saying what is
 * wrong. The object may be free or allocated. */
static int find_object(const void *p, struct slab **sp, unsigned *ip,
		       const char **why)
{
	vaddr_t va = (vaddr_t)p;
	if (va < KERNEL_BASE || va >= DIRECT_MAP_END) {
		*why = "not a kernel heap address";
		return -EINVAL;
	}
	struct slab *s = slab_of(p);
	if (!slab_valid(s)) {
		*why = "not in a heap slab (never allocated, or slab freed)";
		return -EINVAL;
	}
	size_t off = va - (vaddr_t)s, size = s->cache->size;
	if (off < SLAB_HDR_SIZE || (off - SLAB_HDR_SIZE) % size != 0 ||
	    (off - SLAB_HDR_SIZE) / size >= s->cache->capacity) {
		*why = "not the start of a heap object";
		return -EINVAL;
	}
	*sp = s;
	*ip = (unsigned)((off - SLAB_HDR_SIZE) / size);
	return 0;
}

/* kheap_check_free with the reason and the object's place. */
static int check_free(const void *p, struct slab **sp, unsigned *ip,
		      const char **why)
{
	int err = find_object(p, sp, ip, why);
	if (err)
		return err;
	if (!bit_test(*sp, *ip)) {
		*why = "double free (the object is already free)";
		return -EINVAL;
	}
	return 0;
}

int kheap_check_free(const void *p)
{
	struct slab *s;
	unsigned i;
	const char *why;
	bool irq = irq_save();
	int err = check_free(p, &s, &i, &why);
	irq_restore(irq);
	return err;
}

int kheap_check_poison(const void *p)
{
	struct slab *s;
	unsigned i;
	const char *why;
	bool irq = irq_save();
	int err = find_object(p, &s, &i, &why);
	if (!err && (!KHEAP_DEBUG || bit_test(s, i) ||
		     !poison_intact(p, s->cache->size)))
		err = -EINVAL;
	irq_restore(irq);
	return err;
}

size_t kheap_class_size(size_t size)
{
	if (size == 0 || size > KMALLOC_MAX)
		return 0;
	return cache_for(size)->size;
}

unsigned kheap_slab_capacity(size_t size)
{
	if (size == 0 || size > KMALLOC_MAX)
		return 0;
	return cache_for(size)->capacity;
}

/* Take a frame and make it an empty slab of class c, on c's partial list.
 * Returns NULL when no direct-mapped frame is free. */
static struct slab *slab_create(struct kheap_cache *c)
{
	paddr_t frame = pmm_alloc_frame(PMM_LOWMEM);
	if (!frame)
		return NULL;
	KASSERT(pmm_is_lowmem(frame));
	slab_frames++;
	struct slab *s = P2V(frame);
	memset(s, 0, sizeof(*s));
	s->magic = SLAB_MAGIC;
	s->cache = c;
	if (KHEAP_DEBUG)
		memset((char *)s + SLAB_HDR_SIZE, KHEAP_POISON_FREE,
		       PAGE_SIZE - SLAB_HDR_SIZE);
	/* Link back to front so objects come out in address order. */
	for (unsigned i = c->capacity; i-- > 0;) {
		void *obj = slab_obj(s, i);
		*(void **)obj = s->free;
		s->free = obj;
	}
	partial_push(c, s);
	return s;
}

/* Give an empty slab's frame back. In the debug build, first check every
 * object's poison: a late write after free would otherwise land in
 * whatever the frame becomes next. */
static void slab_release(struct slab *s)
{
	if (KHEAP_DEBUG) {
		for (unsigned i = 0; i < s->cache->capacity; i++)
			if (!poison_intact(slab_obj(s, i), s->cache->size))
				panic("kheap: write after free in object %p "
				      "(poison damaged)", slab_obj(s, i));
	}
	s->magic = 0;  /* stale pointers into the frame are no longer objects */
	slab_frames--;
	pmm_free_frame(V2P(s));
}

/* In the debug build, is link (read from a free object of s) a free
 * object of s or NULL? A write after free may have damaged it. */
static bool link_valid(struct slab *s, const void *link)
{
	if (!KHEAP_DEBUG || !link)
		return true;
	struct slab *ls;
	unsigned i;
	const char *why;
	return find_object(link, &ls, &i, &why) == 0 && ls == s &&
	       !bit_test(s, i);
}

/* Pop one object off s, a slab with a free object. */
static void *slab_take(struct slab *s)
{
	struct kheap_cache *c = s->cache;
	void *obj = s->free;
	void *next = *(void **)obj;
	if (!link_valid(s, next))
		panic("kheap: write after free in object %p (free-list link "
		      "damaged)", obj);
	s->free = next;
	bit_flip(s, (unsigned)(((char *)obj - (char *)s - SLAB_HDR_SIZE) /
			       c->size));
	if (++s->inuse == c->capacity)
		partial_remove(c, s);
	bytes_in_use += c->size;
	return obj;
}

/* Push obj, object i of s, back; release s if it is now empty. */
static void slab_put(struct slab *s, void *obj, unsigned i)
{
	struct kheap_cache *c = s->cache;
	bool was_full = s->inuse == c->capacity;

	if (KHEAP_DEBUG)
		memset(obj, KHEAP_POISON_FREE, c->size);
	*(void **)obj = s->free;
	s->free = obj;
	bit_flip(s, i);
	bytes_in_use -= c->size;
	if (--s->inuse == 0) {
		if (!was_full)
			partial_remove(c, s);
		if (c->empty)
			slab_release(s);
		else
			c->empty = s;
	} else if (was_full) {
		partial_push(c, s);
	}
}

void *kmalloc(size_t size)
{
	if (size == 0 || size > KMALLOC_MAX || failinject_should_fail())
		return NULL;
	struct kheap_cache *c = cache_for(size);
	bool irq = irq_save();
	struct slab *s = c->partial;
	if (!s && (s = c->empty)) {
		c->empty = NULL;
		partial_push(c, s);
	}
	if (!s)
		s = slab_create(c);
	void *obj = s ? slab_take(s) : NULL;
	irq_restore(irq);
	/* obj is ours alone now: check and fill it outside the critical
	 * section, which stays short. */
	if (KHEAP_DEBUG && obj) {
		if (!poison_intact(obj, c->size))
			panic("kheap: write after free in object %p (poison "
			      "damaged)", obj);
		memset(obj, KHEAP_POISON_NEW, c->size);
	}
	return obj;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);
	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	struct slab *s;
	unsigned i;
	const char *why;

	if (!p)
		return;
	bool irq = irq_save();
	if (check_free(p, &s, &i, &why))
		panic("kfree(%p): %s", p, why);
	slab_put(s, p, i);
	irq_restore(irq);
}

size_t kheap_shrink(void)
{
	size_t freed = 0;
	bool irq = irq_save();
	for (int i = 0; i < NCLASSES; i++) {
		if (caches[i].empty) {
			slab_release(caches[i].empty);
			caches[i].empty = NULL;
			freed++;
		}
	}
	irq_restore(irq);
	return freed;
}

size_t kheap_bytes_in_use(void)
{
	return bytes_in_use;
}

size_t kheap_frames(void)
{
	return slab_frames;
}

/* One slab of cache c: header, bitmap, free list and poison agree. */
static int check_slab(const struct kheap_cache *c, struct slab *s,
		      const char **why)
{
	if (!slab_valid(s) || s->cache != c)
		return *why = "a listed slab is not a live slab of its class", -1;
	unsigned bits = 0;
	for (unsigned i = 0; i < c->capacity; i++)
		bits += bit_test(s, i);
	if (bits != s->inuse)
		return *why = "a slab's bitmap disagrees with its in-use count", -1;
	unsigned nfree = 0;
	for (void *o = s->free; o; o = *(void **)o) {
		struct slab *os;
		unsigned i;
		const char *w;
		if (find_object(o, &os, &i, &w) || os != s || bit_test(s, i))
			return *why = "a slab's free list holds a non-free object", -1;
		if (KHEAP_DEBUG && !poison_intact(o, c->size))
			return *why = "a free object was written (poison damaged)", -1;
		if (++nfree > c->capacity)
			return *why = "a slab's free list loops", -1;
	}
	if (nfree != c->capacity - s->inuse)
		return *why = "a slab's free list misses free objects", -1;
	return 0;
}

int kheap_check(const char **why)
{
	bool irq = irq_save();
	int r = 0;
	for (int k = 0; k < NCLASSES && !r; k++) {
		struct kheap_cache *c = &caches[k];
		for (struct slab *s = c->partial, *prev = NULL; s && !r;
		     prev = s, s = s->next) {
			r = check_slab(c, s, why);
			if (!r && (s->prev != prev || s->inuse == 0 ||
				   s->inuse >= c->capacity))
				r = (*why = "a partial slab is misfiled or "
					    "mislinked", -1);
		}
		if (!r && c->empty)
			r = check_slab(c, c->empty, why);
		if (!r && c->empty && c->empty->inuse != 0)
			r = (*why = "the spare empty slab has live objects", -1);
	}
	irq_restore(irq);
	return r;
}
