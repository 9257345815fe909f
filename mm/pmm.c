/* mm/pmm.c: the physical frame allocator: sets the frame table up from the
 * boot memory map, then serves mm/pmm.h with interrupts held off. */
#include "mm/pmm.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/bootinfo.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "mm/failinject.h"
#include "mm/kmap.h"
#include "mm/pmm_internal.h"
#include "mm/reclaim.h"
#include "mm/vmstat.h"

static struct frame_table table;

#define FOUR_GIB (1ull << 32)

static uint32_t frame_of(uint64_t addr)
{
	return (uint32_t)(addr >> PAGE_SHIFT);
}

static bool overlaps_reserved(const struct bootinfo *bi, uint64_t s, uint64_t e)
{
	for (int i = 0; i < bi->nreserved; i++)
		if (s < bi->reserved[i].end && bi->reserved[i].start < e)
			return true;
	return false;
}

/* Find bytes of direct-mapped RAM that nothing reserved overlaps, page
 * aligned. Returns the physical address, or 0 if there is no such place. */
static paddr_t find_table_space(const struct bootinfo *bi, uint64_t bytes)
{
	for (int i = 0; i < bi->nram; i++) {
		uint64_t start = PAGE_ROUND_UP(bi->ram[i].start);
		uint64_t end = bi->ram[i].end < LOWMEM_LIMIT ? bi->ram[i].end
							      : LOWMEM_LIMIT;
		for (; start + bytes <= end; start += PAGE_SIZE)
			if (!overlaps_reserved(bi, start, start + bytes))
				return (paddr_t)start;
	}
	return 0;
}

void pmm_init(const struct bootinfo *bi)
{
	uint64_t top = 0, ignored = 0;
	for (int i = 0; i < bi->nram; i++) {
		if (bi->ram[i].end > FOUR_GIB)
			ignored += bi->ram[i].end - (bi->ram[i].start > FOUR_GIB
							     ? bi->ram[i].start : FOUR_GIB);
		if (bi->ram[i].end > top)
			top = bi->ram[i].end < FOUR_GIB ? bi->ram[i].end : FOUR_GIB;
	}
	uint32_t nframes = frame_of(top);
	uint64_t bytes = PAGE_ROUND_UP((uint64_t)nframes * sizeof(struct frame));
	paddr_t at = find_table_space(bi, bytes);
	if (!at)
		panic("pmm: no room for a %llu-byte frame table", bytes);

	ft_init(&table, P2V(at), nframes, frame_of(LOWMEM_LIMIT));
	for (int i = 0; i < bi->nram; i++)  /* partial pages are not usable */
		ft_mark_ram(&table, frame_of(PAGE_ROUND_UP(bi->ram[i].start)),
			    frame_of(bi->ram[i].end));
	for (int i = 0; i < bi->nreserved; i++)
		ft_mark_reserved(&table, frame_of(bi->reserved[i].start),
				 frame_of(PAGE_ROUND_UP(bi->reserved[i].end)));
	ft_mark_reserved(&table, frame_of(at), frame_of(at + bytes));
	ft_build(&table);

	pr_info("memory: %llu KiB available, %zu frames usable (%zu KiB "
		"direct-mapped, %zu KiB high via kmap)\n",
		bi->ram_bytes / 1024, table.total, table.nfree[ZONE_LOW] * 4,
		table.nfree[ZONE_HIGH] * 4);
	if (ignored)
		pr_warn("memory: %llu KiB above 4 GiB left unused (no PAE)\n",
			ignored / 1024);
}

static uint32_t take(unsigned flags)
{
	bool irq = irq_save();
	uint32_t f = ft_alloc(&table, flags & PMM_LOWMEM);
	irq_restore(irq);
	return f;
}

paddr_t pmm_alloc_frame(unsigned flags)
{
	if (failinject_should_fail())
		return 0;
	uint32_t f = take(flags);
	/* Out of frames: empty the caches once and try again (direct
	 * reclaim, as Linux's page allocator does). */
	if (f == FRAME_NONE) {
		size_t got = mm_reclaim();
		vmstat_inc(VM_ALLOCSTALL);
		vmstat_add(VM_PGSTEAL_DIRECT, (uint32_t)got);
		if (got)
			f = take(flags);
	}
	if (f == FRAME_NONE) {
		vmstat_inc(VM_ALLOC_FAIL);
		return 0;
	}
	paddr_t pa = (paddr_t)f << PAGE_SHIFT;
	vmstat_inc(VM_FRAMES_ALLOC);
	if (flags & PMM_ZERO) {
		void *va = kmap(pa);
		memzero_words(va, PAGE_SIZE);
		kunmap(va);
	}
	return pa;
}

void pmm_ref_frame(paddr_t frame)
{
	bool irq = irq_save();
	bool ok = ft_ref(&table, frame_of(frame));
	irq_restore(irq);
	if (!ok)
		panic("pmm: reference to frame %08x, which is not in use", frame);
}

void pmm_free_frame(paddr_t frame)
{
	bool irq = irq_save();
	int r = ft_unref(&table, frame_of(frame));
	irq_restore(irq);
	if (r > 0)
		vmstat_inc(VM_FRAMES_FREED);
	if (r < 0)
		panic("pmm: free of frame %08x, which is not in use", frame);
}

unsigned pmm_frame_refcount(paddr_t frame)
{
	uint32_t f = frame_of(frame);
	if (f >= table.nframes || table.frames[f].refcount == FRAME_RESERVED)
		return 0;
	return table.frames[f].refcount;
}

size_t pmm_free_count(void)
{
	return table.nfree[ZONE_LOW] + table.nfree[ZONE_HIGH];
}

size_t pmm_free_lowmem_count(void)
{
	return table.nfree[ZONE_LOW];
}

size_t pmm_total_count(void)
{
	return table.total;
}

struct frame_table *pmm_table(void)
{
	return &table;
}

int pmm_check(const char **why)
{
	bool irq = irq_save();
	int r = ft_check(&table, why);
	irq_restore(irq);
	return r;
}
