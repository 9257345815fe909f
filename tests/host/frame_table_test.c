/* tests/host/frame_table_test.c: host unit tests of mm/frame_table.c, the
 * frame allocator's pure core: building the table from RAM and reserved
 * ranges, the two zones, reference counts and double frees. The randomized
 * run against a reference model is in frame_table_random_test.c. */
#include "mm/pmm_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "tests/host/frame_table_check.h"
#include "tests/host/hosttest.h"

/* On the heap at its exact size, so ASan sees any access past the end. */
static struct frame *storage(uint32_t nframes)
{
	return malloc((size_t)nframes * sizeof(struct frame));
}

/* A table of nframes frames, low below low_limit, RAM [ram_first,
 * ram_end) and nothing reserved; built. Returns the storage to free. */
static struct frame *table(struct frame_table *ft, uint32_t nframes,
			   uint32_t low_limit, uint32_t ram_first,
			   uint32_t ram_end)
{
	struct frame *s = storage(nframes);

	if (s) {
		ft_init(ft, s, nframes, low_limit);
		ft_mark_ram(ft, ram_first, ram_end);
		ft_build(ft);
	}
	return s;
}

/* The contract is in frame_table_check.h. */
bool free_list_ok(const struct frame_table *ft, enum frame_zone z)
{
	bool *seen = calloc(ft->nframes ? ft->nframes : 1, sizeof(bool));
	size_t n = 0;
	bool ok = seen != NULL;

	for (uint32_t f = ft->head[z]; ok && f != FRAME_NONE;
	     f = ft->frames[f].next, n++) {
		bool zone_low = f < ft->low_limit;
		ok = f < ft->nframes && !seen[f] &&
		     ft->frames[f].refcount == 0 && zone_low == (z == ZONE_LOW);
		if (ok)
			seen[f] = true;
		else
			printf("# zone %d: frame %u listed wrongly\n", z, f);
	}
	if (ok && n != ft->nfree[z]) {
		printf("# zone %d: %zu frames listed, nfree says %zu\n", z, n,
		       ft->nfree[z]);
		ok = false;
	}
	free(seen);
	return ok;
}

#define CHECK_LISTS(ft)                                   \
	do {                                              \
		ASSERT_TRUE(free_list_ok(ft, ZONE_LOW));  \
		ASSERT_TRUE(free_list_ok(ft, ZONE_HIGH)); \
	} while (0)

HOSTTEST(frame_table, init_reserves_everything)
{
	struct frame_table ft;
	struct frame *s = storage(64);

	ASSERT_NOT_NULL(s);
	memset(s, 0, 64 * sizeof(*s));  /* init must overwrite this */
	ft_init(&ft, s, 64, 32);
	EXPECT_PTR_EQ(ft.frames, s);
	EXPECT_EQ(ft.nframes, 64);
	EXPECT_EQ(ft.low_limit, 32);
	EXPECT_EQ(ft.total, 0);
	for (uint32_t f = 0; f < 64; f++)
		EXPECT_EQ(s[f].refcount, FRAME_RESERVED);
	ft_build(&ft);
	EXPECT_EQ(ft.total, 0);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 0);
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 0);
	EXPECT_EQ(ft_alloc(&ft, false), FRAME_NONE);
	EXPECT_EQ(ft_alloc(&ft, true), FRAME_NONE);
	for (uint32_t f = 0; f < 64; f++)
		EXPECT_EQ(s[f].refcount, FRAME_RESERVED);
	free(s);
}

HOSTTEST(frame_table, build_counts_each_zone)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 100, 40, 10, 90);

	ASSERT_NOT_NULL(s);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 30);   /* 10..39 */
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 50);  /* 40..89 */
	EXPECT_EQ(ft.total, 80);
	CHECK_LISTS(&ft);
	EXPECT_EQ(s[9].refcount, FRAME_RESERVED);
	EXPECT_EQ(s[10].refcount, 0);
	EXPECT_EQ(s[89].refcount, 0);
	EXPECT_EQ(s[90].refcount, FRAME_RESERVED);
	free(s);
}

HOSTTEST(frame_table, ranges_past_the_table_are_clipped)
{
	struct frame_table ft;
	struct frame *s = storage(16);  /* ASan sees a write past it */

	ASSERT_NOT_NULL(s);
	ft_init(&ft, s, 16, 8);
	ft_mark_ram(&ft, 4, 1000);
	ft_mark_reserved(&ft, 20, 30);  /* wholly outside: no effect */
	ft_mark_reserved(&ft, 15, 0xffffffffu);
	ft_mark_reserved(&ft, 6, 6);    /* empty: no effect */
	ft_build(&ft);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 4);   /* 4..7 */
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 7);  /* 8..14 */
	EXPECT_EQ(s[15].refcount, FRAME_RESERVED);
	EXPECT_EQ(s[14].refcount, 0);
	free(s);
}

/* Mark RAM ranges, then reserved ranges (the documented order), each set
 * in the order given; return the free counts as low * 1000 + high. */
static long marked(const uint32_t (*ram)[2], int nram,
		   const uint32_t (*res)[2], int nres, struct frame *s)
{
	struct frame_table ft;

	ft_init(&ft, s, 128, 64);
	for (int i = 0; i < nram; i++)
		ft_mark_ram(&ft, ram[i][0], ram[i][1]);
	for (int i = 0; i < nres; i++)
		ft_mark_reserved(&ft, res[i][0], res[i][1]);
	ft_build(&ft);
	if (!free_list_ok(&ft, ZONE_LOW) || !free_list_ok(&ft, ZONE_HIGH))
		return -1;
	return (long)(ft.nfree[ZONE_LOW] * 1000 + ft.nfree[ZONE_HIGH]);
}

HOSTTEST(frame_table, reserved_ranges_win_over_ram)
{
	/* RAM 1..60 and 50..120 (overlapping); reserved: frame 0 (not RAM
	 * anyway), 5..8 inside RAM, 58..70 across the zone line and the RAM
	 * overlap, 118..128 over the end of RAM. */
	const uint32_t ram[2][2] = { { 1, 60 }, { 50, 120 } };
	const uint32_t ram_rev[2][2] = { { 50, 120 }, { 1, 60 } };
	const uint32_t res[4][2] = { { 0, 1 }, { 5, 8 }, { 58, 70 },
				     { 118, 128 } };
	const uint32_t res_rev[4][2] = { { 118, 128 }, { 58, 70 }, { 5, 8 },
					 { 0, 1 } };
	/* low: 1..63 minus 5..7 and 58..63 = 63 - 3 - 6 = 54;
	 * high: 64..119 minus 64..69 and 118..119 = 56 - 6 - 2 = 48 */
	const long want = 54 * 1000 + 48;
	struct frame *s = storage(128);

	ASSERT_NOT_NULL(s);
	EXPECT_EQ(marked(ram, 2, res, 4, s), want);
	EXPECT_EQ(marked(ram_rev, 2, res, 4, s), want);
	EXPECT_EQ(marked(ram, 2, res_rev, 4, s), want);
	EXPECT_EQ(marked(ram_rev, 2, res_rev, 4, s), want);
	for (uint32_t f = 58; f < 70; f++)
		EXPECT_EQ(s[f].refcount, FRAME_RESERVED);
	for (uint32_t f = 5; f < 8; f++)
		EXPECT_EQ(s[f].refcount, FRAME_RESERVED);
	EXPECT_EQ(s[4].refcount, 0);
	EXPECT_EQ(s[8].refcount, 0);
	EXPECT_EQ(s[57].refcount, 0);
	EXPECT_EQ(s[70].refcount, 0);
	free(s);
}

/* Why the order is documented: the last mark of a frame wins, so RAM
 * marked after a reservation would free the reserved frames. */
HOSTTEST(frame_table, last_mark_wins)
{
	struct frame_table ft;
	struct frame *s = storage(8);

	ASSERT_NOT_NULL(s);
	ft_init(&ft, s, 8, 8);
	ft_mark_reserved(&ft, 2, 4);
	ft_mark_ram(&ft, 0, 8);
	EXPECT_EQ(s[2].refcount, 0);
	ft_mark_reserved(&ft, 2, 4);
	ft_build(&ft);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 6);
	free(s);
}

HOSTTEST(frame_table, lowest_frame_comes_out_first)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 32, 16, 0, 32);

	ASSERT_NOT_NULL(s);
	for (uint32_t f = 16; f < 32; f++)
		EXPECT_EQ(ft_alloc(&ft, false), f);
	for (uint32_t f = 0; f < 16; f++)
		EXPECT_EQ(ft_alloc(&ft, false), f);
	EXPECT_EQ(ft_alloc(&ft, false), FRAME_NONE);
	/* The free list is a stack: the last frame freed is the next out. */
	EXPECT_EQ(ft_unref(&ft, 5), 1);
	EXPECT_EQ(ft_unref(&ft, 3), 1);
	EXPECT_EQ(ft_alloc(&ft, true), 3);
	EXPECT_EQ(ft_alloc(&ft, true), 5);
	free(s);
}

HOSTTEST(frame_table, low_only_never_returns_high)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 64, 24, 1, 64);
	uint32_t f;
	int n = 0;

	ASSERT_NOT_NULL(s);
	while ((f = ft_alloc(&ft, true)) != FRAME_NONE) {
		EXPECT_LT(f, 24);
		EXPECT_GE(f, 1);
		n++;
	}
	EXPECT_EQ(n, 23);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 0);
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 40);
	EXPECT_EQ(ft_alloc(&ft, true), FRAME_NONE);
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 40);
	CHECK_LISTS(&ft);
	free(s);
}

HOSTTEST(frame_table, plain_alloc_prefers_high_then_falls_back)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 64, 24, 1, 64);

	ASSERT_NOT_NULL(s);
	for (int i = 0; i < 40; i++) {
		uint32_t f = ft_alloc(&ft, false);
		EXPECT_GE(f, 24);
		EXPECT_LT(f, 64);
	}
	EXPECT_EQ(ft.nfree[ZONE_LOW], 23);
	EXPECT_EQ(ft.nfree[ZONE_HIGH], 0);
	EXPECT_EQ(ft_alloc(&ft, false), 1);  /* high is empty: lowmem */
	EXPECT_EQ(ft.nfree[ZONE_LOW], 22);
	CHECK_LISTS(&ft);
	free(s);
}

HOSTTEST(frame_table, exhaust_then_free_restores_counts)
{
	enum { N = 200, LOW = 120 };
	struct frame_table ft;
	struct frame *s = table(&ft, N, LOW, 2, N - 3);
	uint32_t got[N];
	size_t n = 0;

	ASSERT_NOT_NULL(s);
	size_t low = ft.nfree[ZONE_LOW], high = ft.nfree[ZONE_HIGH];
	EXPECT_EQ(low, LOW - 2);
	EXPECT_EQ(high, N - 3 - LOW);
	for (int i = 0; ; i++) {
		uint32_t f = ft_alloc(&ft, i % 3 == 0);
		if (f == FRAME_NONE)
			break;
		ASSERT_LT(n, N);
		EXPECT_EQ(s[f].refcount, 1);
		got[n++] = f;
	}
	EXPECT_EQ(n, low + high);
	EXPECT_EQ(ft.nfree[ZONE_LOW] + ft.nfree[ZONE_HIGH], 0);
	EXPECT_EQ(ft_alloc(&ft, true), FRAME_NONE);
	EXPECT_EQ(ft_alloc(&ft, false), FRAME_NONE);
	for (size_t i = 0; i < n; i++)
		EXPECT_EQ(ft_unref(&ft, got[i]), 1);
	EXPECT_EQ(ft.nfree[ZONE_LOW], low);
	EXPECT_EQ(ft.nfree[ZONE_HIGH], high);
	EXPECT_EQ(ft.total, low + high);
	CHECK_LISTS(&ft);
	free(s);
}

HOSTTEST(frame_table, refcount_frees_at_zero)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 8, 8, 0, 8);

	ASSERT_NOT_NULL(s);
	uint32_t f = ft_alloc(&ft, true);
	ASSERT_EQ(f, 0);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 7);
	EXPECT_TRUE(ft_ref(&ft, f));
	EXPECT_TRUE(ft_ref(&ft, f));
	EXPECT_EQ(s[f].refcount, 3);
	EXPECT_EQ(ft_unref(&ft, f), 0);
	EXPECT_EQ(ft_unref(&ft, f), 0);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 7);
	EXPECT_EQ(s[f].refcount, 1);
	EXPECT_EQ(ft_unref(&ft, f), 1);
	EXPECT_EQ(s[f].refcount, 0);
	EXPECT_EQ(ft.nfree[ZONE_LOW], 8);
	EXPECT_EQ(ft_alloc(&ft, true), f);
	free(s);
}

HOSTTEST(frame_table, ref_saturates_below_reserved)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 4, 4, 0, 4);

	ASSERT_NOT_NULL(s);
	uint32_t f = ft_alloc(&ft, false);
	ASSERT_NE(f, FRAME_NONE);
	s[f].refcount = FRAME_RESERVED - 2;  /* as if ref'd that often */
	EXPECT_TRUE(ft_ref(&ft, f));
	EXPECT_EQ(s[f].refcount, FRAME_RESERVED - 1);
	EXPECT_FALSE(ft_ref(&ft, f));  /* would turn it into "reserved" */
	EXPECT_EQ(s[f].refcount, FRAME_RESERVED - 1);
	free(s);
}

/* A byte copy of the table's state, to show a call changed nothing. */
struct snapshot {
	struct frame_table ft;
	struct frame frames[16];
};

static void snap(const struct frame_table *ft, struct snapshot *sn)
{
	sn->ft = *ft;
	memcpy(sn->frames, ft->frames, ft->nframes * sizeof(struct frame));
}

static bool unchanged(const struct frame_table *ft, const struct snapshot *sn)
{
	return memcmp(&sn->ft, ft, sizeof(*ft)) == 0 &&
	       memcmp(sn->frames, ft->frames,
		      ft->nframes * sizeof(struct frame)) == 0;
}

HOSTTEST(frame_table, bad_unref_and_ref_change_nothing)
{
	struct frame_table ft;
	struct frame *s = table(&ft, 16, 8, 2, 16);  /* 0, 1 reserved */
	struct snapshot sn;

	ASSERT_NOT_NULL(s);
	uint32_t f = ft_alloc(&ft, true);
	ASSERT_EQ(f, 2);
	EXPECT_EQ(ft_unref(&ft, f), 1);
	snap(&ft, &sn);
	EXPECT_EQ(ft_unref(&ft, f), -1);       /* double free */
	EXPECT_EQ(ft_unref(&ft, 3), -1);       /* never allocated */
	EXPECT_EQ(ft_unref(&ft, 1), -1);       /* reserved */
	EXPECT_EQ(ft_unref(&ft, 16), -1);      /* just past the end */
	EXPECT_EQ(ft_unref(&ft, FRAME_NONE), -1);
	EXPECT_FALSE(ft_ref(&ft, f));          /* free */
	EXPECT_FALSE(ft_ref(&ft, 0));          /* reserved */
	EXPECT_FALSE(ft_ref(&ft, 16));         /* out of range */
	EXPECT_FALSE(ft_ref(&ft, 0x7fffffffu));
	EXPECT_TRUE(unchanged(&ft, &sn));
	CHECK_LISTS(&ft);
	free(s);
}
