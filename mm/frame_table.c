/* mm/frame_table.c: the frame table: reference counts and per-zone free
 * lists. Pure code; mm/pmm.c wraps it with boot setup and locking, and the
 * host unit tests build it as it is. */
#include "mm/pmm_internal.h"

static enum frame_zone zone_of(const struct frame_table *ft, uint32_t f)
{
	return f < ft->low_limit ? ZONE_LOW : ZONE_HIGH;
}

void ft_init(struct frame_table *ft, struct frame *storage, uint32_t nframes,
	     uint32_t low_limit)
{
	ft->frames = storage;
	ft->nframes = nframes;
	ft->low_limit = low_limit;
	ft->total = 0;
	for (int z = 0; z < ZONE_COUNT; z++) {
		ft->head[z] = FRAME_NONE;
		ft->nfree[z] = 0;
	}
	for (uint32_t f = 0; f < nframes; f++)
		storage[f] = (struct frame){ FRAME_RESERVED, FRAME_NONE };
}

static void mark(struct frame_table *ft, uint32_t first, uint32_t end,
		 uint32_t refcount)
{
	if (end > ft->nframes)
		end = ft->nframes;
	for (uint32_t f = first; f < end; f++)
		ft->frames[f].refcount = refcount;
}

void ft_mark_ram(struct frame_table *ft, uint32_t first, uint32_t end)
{
	mark(ft, first, end, 0);
}

void ft_mark_reserved(struct frame_table *ft, uint32_t first, uint32_t end)
{
	mark(ft, first, end, FRAME_RESERVED);
}

static void push_free(struct frame_table *ft, uint32_t f)
{
	enum frame_zone z = zone_of(ft, f);
	ft->frames[f].next = ft->head[z];
	ft->head[z] = f;
	ft->nfree[z]++;
}

void ft_build(struct frame_table *ft)
{
	/* Push from the top down so the lowest frame comes out first. */
	for (uint32_t f = ft->nframes; f-- > 0;) {
		if (ft->frames[f].refcount == 0) {
			push_free(ft, f);
			ft->total++;
		}
	}
}

uint32_t ft_alloc(struct frame_table *ft, bool low_only)
{
	enum frame_zone z = ZONE_LOW;
	if (!low_only && ft->head[ZONE_HIGH] != FRAME_NONE)
		z = ZONE_HIGH;
	uint32_t f = ft->head[z];
	if (f == FRAME_NONE)
		return FRAME_NONE;
	ft->head[z] = ft->frames[f].next;
	ft->nfree[z]--;
	ft->frames[f] = (struct frame){ 1, FRAME_NONE };
	return f;
}

static bool in_use(const struct frame_table *ft, uint32_t f)
{
	return f < ft->nframes && ft->frames[f].refcount != 0 &&
	       ft->frames[f].refcount != FRAME_RESERVED;
}

bool ft_ref(struct frame_table *ft, uint32_t f)
{
	if (!in_use(ft, f) || ft->frames[f].refcount == FRAME_RESERVED - 1)
		return false;
	ft->frames[f].refcount++;
	return true;
}

int ft_unref(struct frame_table *ft, uint32_t f)
{
	if (!in_use(ft, f))
		return -1;
	if (--ft->frames[f].refcount > 0)
		return 0;
	push_free(ft, f);
	return 1;
}

int ft_check(const struct frame_table *ft, const char **why)
{
	size_t listed = 0;
	for (int z = 0; z < ZONE_COUNT; z++) {
		size_t n = 0;
		for (uint32_t f = ft->head[z]; f != FRAME_NONE;
		     f = ft->frames[f].next) {
			if (f >= ft->nframes)
				return *why = "a free list leads outside the table", -1;
			if (ft->frames[f].refcount != 0)
				return *why = "a frame on a free list is in use", -1;
			if ((f < ft->low_limit) != (z == ZONE_LOW))
				return *why = "a frame is on the other zone's free list", -1;
			if (++n > ft->nframes)
				return *why = "a free list loops", -1;
		}
		if (n != ft->nfree[z])
			return *why = "a free list's length disagrees with its count", -1;
		listed += n;
	}
	size_t free = 0, ram = 0;
	for (uint32_t f = 0; f < ft->nframes; f++) {
		uint32_t r = ft->frames[f].refcount;
		free += r == 0;
		ram += r != FRAME_RESERVED;
	}
	if (free != listed)
		return *why = "a free frame is on no free list", -1;
	if (ram != ft->total)
		return *why = "the frames in use and free do not add up to the total", -1;
	return 0;
}
