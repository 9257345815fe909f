/* mm/pmm_test.c: in-kernel tests of the frame allocator and kmap. */
#include "kernel/bootinfo.h"
#include "kernel/lib/string.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"

extern char _kernel_start[], _kernel_end[];

static bool is_reserved(paddr_t pa)
{
	for (int i = 0; i < bootinfo.nreserved; i++)
		if (pa >= bootinfo.reserved[i].start && pa < bootinfo.reserved[i].end)
			return true;
	return pa >= V2P(_kernel_start) && pa < V2P(_kernel_end);
}

static bool is_ram(paddr_t pa)
{
	for (int i = 0; i < bootinfo.nram; i++)
		if (pa >= bootinfo.ram[i].start && pa + PAGE_SIZE <= bootinfo.ram[i].end)
			return true;
	return false;
}

KTEST(pmm, alloc_returns_aligned_frame)
{
	paddr_t f[16];
	for (int i = 0; i < 16; i++) {
		f[i] = pmm_alloc_frame(i % 2 ? PMM_LOWMEM : 0);
		ASSERT_NE(f[i], 0);
		EXPECT_EQ(f[i] % PAGE_SIZE, 0);
		EXPECT_EQ(pmm_frame_refcount(f[i]), 1);
		EXPECT_TRUE(is_ram(f[i]));
	}
	for (int i = 0; i < 16; i++)
		for (int j = 0; j < i; j++)
			EXPECT_NE(f[i], f[j]);
	for (int i = 0; i < 16; i++)
		pmm_free_frame(f[i]);
}

/* Take every frame, then give them all back: the counters must come back
 * exactly, and no frame handed out may be reserved (kernel image,
 * Multiboot data, modules) or outside RAM. */
KTEST(pmm, exhaust_then_free_restores_counts)
{
	size_t free_before = pmm_free_count(), bad = 0;
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	/* Check every frame number that is not free now: all were handed out
	 * (to the hoard or to earlier holders), none may be reserved. */
	size_t free_now = pmm_free_count();
	for (uint64_t f = 0; f < (1ull << 32) && free_now == 0; f += PAGE_SIZE)
		if (pmm_frame_refcount((paddr_t)f) &&
		    (is_reserved((paddr_t)f) || !is_ram((paddr_t)f)))
			bad++;
	EXPECT_EQ(free_now, 0);
	EXPECT_EQ(pmm_alloc_frame(PMM_LOWMEM), 0);
	EXPECT_EQ(pmm_alloc_frame(0), 0);
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(hoard_release(h), free_before);
	EXPECT_EQ(pmm_free_count(), free_before);
}

KTEST(pmm, refcount_counts_up_and_frees_at_zero)
{
	size_t free_before = pmm_free_count();
	paddr_t f = pmm_alloc_frame(0);
	ASSERT_NE(f, 0);
	EXPECT_EQ(pmm_free_count(), free_before - 1);
	pmm_ref_frame(f);
	pmm_ref_frame(f);
	EXPECT_EQ(pmm_frame_refcount(f), 3);
	pmm_free_frame(f);
	EXPECT_EQ(pmm_frame_refcount(f), 2);
	pmm_free_frame(f);
	EXPECT_EQ(pmm_free_count(), free_before - 1);
	pmm_free_frame(f);
	EXPECT_EQ(pmm_frame_refcount(f), 0);
	EXPECT_EQ(pmm_free_count(), free_before);
}

KTEST(pmm, lowmem_flag_gives_direct_mapped_frame)
{
	paddr_t f = pmm_alloc_frame(PMM_LOWMEM);
	ASSERT_NE(f, 0);
	EXPECT_TRUE(pmm_is_lowmem(f));
	EXPECT_PTR_EQ(kmap(f), P2V(f));  /* no window slot needed */
	EXPECT_EQ(kmap_slots_in_use(), 0);
	pmm_free_frame(f);
}

KTEST(pmm, zero_flag_clears_reused_frame)
{
	for (unsigned flags = 0; flags <= PMM_LOWMEM; flags += PMM_LOWMEM) {
		paddr_t f = pmm_alloc_frame(flags);
		ASSERT_NE(f, 0);
		uint8_t *p = kmap(f);
		memset(p, 0x5a, PAGE_SIZE);
		kunmap(p);
		pmm_free_frame(f);
		/* LIFO free lists: the same frame comes straight back. */
		paddr_t g = pmm_alloc_frame(flags | PMM_ZERO);
		EXPECT_EQ(g, f);
		p = kmap(g);
		size_t nonzero = 0;
		for (unsigned i = 0; i < PAGE_SIZE; i++)
			nonzero += p[i] != 0;
		kunmap(p);
		EXPECT_EQ(nonzero, 0);
		pmm_free_frame(g);
	}
}

/* Above the direct map (boot with -m 3G), frames are reached through the
 * kmap window; with less memory the case checks the counters only. */
KTEST(pmm, high_frames_reached_through_kmap)
{
	size_t high = pmm_free_count() - pmm_free_lowmem_count();
	paddr_t f = pmm_alloc_frame(0);
	ASSERT_NE(f, 0);
	EXPECT_EQ(pmm_is_lowmem(f), high == 0);  /* high frames come first */
	uint32_t *a = kmap(f), *b = kmap(f);
	EXPECT_EQ(kmap_slots_in_use(), high ? 2 : 0);
	a[100] = 0xfeedf00d;
	EXPECT_EQ(b[100], 0xfeedf00d);  /* two windows onto one frame */
	kunmap(b);
	kunmap(a);
	EXPECT_EQ(kmap_slots_in_use(), 0);
	pmm_free_frame(f);
}
