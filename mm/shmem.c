/* mm/shmem.c: shared anonymous memory objects. A two-level table, like a
 * page directory, maps a page index to its frame: one direct-mapped frame
 * of leaf-table addresses, each leaf a frame of 1024 page frames. Tables
 * are made on first use, so a big mapping costs nothing until touched. */
#include "mm/shmem.h"

#include "kernel/panic.h"
#include "mm/kheap.h"
#include "mm/pmm.h"

#define SLOTS (PAGE_SIZE / sizeof(paddr_t))  /* 1024 entries per table */

/* Tables live in lowmem (PMM_LOWMEM), so P2V reaches them. */
static paddr_t *table(paddr_t frame)
{
	return P2V(frame);
}

struct shmem *shmem_create(uint32_t pages)
{
	struct shmem *s = kzalloc(sizeof(*s));
	if (!s)
		return NULL;
	s->lock = (struct spinlock)SPINLOCK_INIT("shmem");
	s->refs = 1;
	s->pages = pages;
	return s;
}

void shmem_get(struct shmem *s)
{
	spin_lock(&s->lock);
	KASSERT(s->refs > 0);
	s->refs++;
	spin_unlock(&s->lock);
}

void shmem_put(struct shmem *s)
{
	spin_lock(&s->lock);
	KASSERT(s->refs > 0);
	unsigned left = --s->refs;
	spin_unlock(&s->lock);
	if (left)
		return;  /* the last reference is the only one left to free */
	if (s->dir) {
		paddr_t *dir = table(s->dir);
		for (uint32_t i = 0; i < SLOTS; i++) {
			if (!dir[i])
				continue;
			paddr_t *leaf = table(dir[i]);
			for (uint32_t j = 0; j < SLOTS; j++)
				if (leaf[j])
					pmm_free_frame(leaf[j]);
			pmm_free_frame(dir[i]);
		}
		pmm_free_frame(s->dir);
	}
	kfree(s);
}

/* The slot for page index, making the tables on the way; NULL when out of
 * memory (tables made so far stay, freed with the object). */
static paddr_t *slot_of(struct shmem *s, uint32_t index)
{
	if (!s->dir && !(s->dir = pmm_alloc_frame(PMM_LOWMEM | PMM_ZERO)))
		return NULL;
	paddr_t *dir = table(s->dir);
	uint32_t i = index / SLOTS;
	if (!dir[i] && !(dir[i] = pmm_alloc_frame(PMM_LOWMEM | PMM_ZERO)))
		return NULL;
	return &table(dir[i])[index % SLOTS];
}

paddr_t shmem_page(struct shmem *s, uint32_t index)
{
	KASSERT(index < s->pages);
	paddr_t frame = 0;
	spin_lock(&s->lock);
	paddr_t *slot = slot_of(s, index);
	if (slot && !*slot && (*slot = pmm_alloc_frame(PMM_ZERO)))
		s->resident++;
	if (slot && *slot) {
		frame = *slot;
		pmm_ref_frame(frame);  /* the caller's; the object keeps its own */
	}
	spin_unlock(&s->lock);
	return frame;
}

bool shmem_resident(struct shmem *s, uint32_t index)
{
	bool r = false;
	spin_lock(&s->lock);
	if (s->dir && index < s->pages) {
		paddr_t leaf = table(s->dir)[index / SLOTS];
		r = leaf && table(leaf)[index % SLOTS];
	}
	spin_unlock(&s->lock);
	return r;
}

uint32_t shmem_for_each_frame(const struct shmem *s,
			      void (*fn)(paddr_t frame, void *arg), void *arg)
{
	uint32_t pages = 0;
	if (!s->dir)
		return 0;
	fn(s->dir, arg);
	const paddr_t *dir = table(s->dir);
	for (uint32_t i = 0; i < SLOTS; i++) {
		if (!dir[i])
			continue;
		fn(dir[i], arg);
		const paddr_t *leaf = table(dir[i]);
		for (uint32_t j = 0; j < SLOTS; j++)
			if (leaf[j]) {
				fn(leaf[j], arg);
				pages++;
			}
	}
	return pages;
}
