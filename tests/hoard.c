/* tests/hoard.c: a stack of frame addresses kept in lowmem pages that are
 * themselves taken from the frame allocator. */
#include "tests/hoard.h"

#include "mm/pmm.h"

struct hoard {
	paddr_t below;               /* the next page of the stack, or 0 */
	uint32_t count;
	paddr_t frames[PAGE_SIZE / sizeof(paddr_t) - 2];
};

_Static_assert(sizeof(struct hoard) == PAGE_SIZE, "one page per hoard page");

static bool push(struct hoard **top, paddr_t f)
{
	struct hoard *h = *top;
	if (!h || h->count == sizeof(h->frames) / sizeof(h->frames[0])) {
		paddr_t pa = pmm_alloc_frame(PMM_LOWMEM);
		if (!pa) {
			if (!pmm_is_lowmem(f))
				return false;
			pa = f;  /* the last lowmem frame: it holds the stack */
			f = 0;
		}
		struct hoard *n = P2V(pa);
		n->below = h ? V2P(h) : 0;
		n->count = 0;
		*top = h = n;
	}
	if (f)
		h->frames[h->count++] = f;
	return true;
}

struct hoard *hoard_frames(unsigned flags)
{
	struct hoard *top = NULL;
	paddr_t f;
	while ((f = pmm_alloc_frame(flags)) != 0) {
		if (!push(&top, f)) {
			pmm_free_frame(f);  /* nowhere to record it */
			break;
		}
	}
	return top;
}

size_t hoard_release_some(struct hoard *h, size_t n)
{
	size_t done = 0;
	for (; h && done < n; h = h->below ? P2V(h->below) : NULL) {
		while (h->count > 0 && done < n) {
			pmm_free_frame(h->frames[--h->count]);
			done++;
		}
	}
	return done;
}

size_t hoard_release(struct hoard *h)
{
	size_t n = 0;
	while (h) {
		for (uint32_t i = 0; i < h->count; i++, n++)
			pmm_free_frame(h->frames[i]);
		struct hoard *below = h->below ? P2V(h->below) : NULL;
		pmm_free_frame(V2P(h));
		h = below;
		n++;
	}
	return n;
}
