/* tests/host/frame_table_random_test.c: a randomized host test of
 * mm/frame_table.c: thousands of alloc/ref/unref calls, right and wrong,
 * each checked against a plain model of the table (fixed seed). */
#include "mm/pmm_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "tests/host/frame_table_check.h"
#include "tests/host/hosttest.h"

/* A table, a plain model of it (one count per frame), and the references
 * handed out so far, one entry per reference. */
enum { RN = 300, RLOW = 100, ROPS = 20000 };

struct model {
	struct frame_table ft;
	uint32_t count[RN];  /* the model: 0 free, else references */
	bool reserved[RN];
	size_t free_low, free_high;
	uint32_t held[RN * 4];  /* one entry per reference handed out */
	size_t nheld;
	size_t none;  /* allocations that found nothing free */
};

/* A small deterministic generator, so a failure replays exactly. */
static uint32_t rng_next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void model_free(struct model *m, uint32_t f, int delta)
{
	if (f < RLOW)
		m->free_low += (size_t)delta;
	else
		m->free_high += (size_t)delta;
}

/* Allocate and check the frame against the model. False on a mismatch. */
static bool model_alloc(struct model *m, bool low_only)
{
	uint32_t f = ft_alloc(&m->ft, low_only);
	bool want_high = !low_only && m->free_high > 0;
	bool any = want_high || m->free_low > 0;

	if (f == FRAME_NONE) {
		m->none++;
		return !any;
	}
	if (!any || f >= RN || m->reserved[f] || m->count[f] != 0 ||
	    (f >= RLOW) != want_high || m->nheld == RN * 4) {
		printf("# alloc(low_only %d) gave frame %u\n", low_only, f);
		return false;
	}
	m->count[f] = 1;
	model_free(m, f, -1);
	m->held[m->nheld++] = f;
	return true;
}

/* Ref or unref frame f, one that is held or any number at all. */
static bool model_ref(struct model *m, uint32_t f, bool ref)
{
	bool in_use = f < RN && !m->reserved[f] && m->count[f] > 0;

	if (ref) {
		bool full = m->nheld == RN * 4;
		if (ft_ref(&m->ft, f) != in_use || (in_use && full))
			return false;
		if (in_use) {
			m->count[f]++;
			m->held[m->nheld++] = f;
		}
		return true;
	}
	int want = !in_use ? -1 : m->count[f] == 1 ? 1 : 0;
	if (ft_unref(&m->ft, f) != want)
		return false;
	if (in_use && --m->count[f] == 0)
		model_free(m, f, 1);
	if (in_use)  /* forget one entry for f */
		for (size_t i = 0; i < m->nheld; i++)
			if (m->held[i] == f) {
				m->held[i] = m->held[--m->nheld];
				break;
			}
	return true;
}

/* Does every frame's count and each zone's free count match the model? */
static bool model_matches(const struct model *m)
{
	if (m->ft.nfree[ZONE_LOW] != m->free_low ||
	    m->ft.nfree[ZONE_HIGH] != m->free_high)
		return false;
	for (uint32_t f = 0; f < RN; f++)
		if (m->ft.frames[f].refcount !=
		    (m->reserved[f] ? FRAME_RESERVED : m->count[f]))
			return false;
	return true;
}

static void model_init(struct model *m, struct frame *s)
{
	memset(m, 0, sizeof(*m));
	ft_init(&m->ft, s, RN, RLOW);
	ft_mark_ram(&m->ft, 1, 160);
	ft_mark_ram(&m->ft, 170, RN);
	ft_mark_reserved(&m->ft, 40, 45);
	ft_mark_reserved(&m->ft, 95, 110);
	ft_build(&m->ft);
	for (uint32_t f = 0; f < RN; f++) {
		m->reserved[f] = f == 0 || (f >= 160 && f < 170) ||
				 (f >= 40 && f < 45) || (f >= 95 && f < 110);
		if (!m->reserved[f])
			model_free(m, f, 1);
	}
}

/* One random step: phases of 1000 steps lean to allocating or freeing,
 * so the table runs empty and full again several times. */
static bool model_step(struct model *m, int i, uint32_t *seed)
{
	uint32_t r = rng_next(seed) % 100, pick = rng_next(seed);
	bool filling = (i / 1000) % 2 == 0;

	if (r < (filling ? 70u : 25u))
		return model_alloc(m, pick % 3 == 0);
	if (r < 85 && m->nheld)  /* a reference that is held */
		return model_ref(m, m->held[pick % m->nheld], r < 40);
	/* any frame number, a little past the end too: mostly misuse */
	return model_ref(m, pick % (RN + 8), r & 1);
}

HOSTTEST(frame_table, random_ops_match_a_model)
{
	struct frame *s = malloc(RN * sizeof(struct frame));  /* exact */
	struct model *m = malloc(sizeof(*m));
	uint32_t seed = 0x2545f491;

	ASSERT_NOT_NULL(s);
	ASSERT_NOT_NULL(m);
	model_init(m, s);
	size_t low = m->free_low, high = m->free_high;
	EXPECT_TRUE(model_matches(m));
	for (int i = 0; i < ROPS && !t->failures; i++) {
		bool stepped = model_step(m, i, &seed);
		if (!stepped || !model_matches(m))
			printf("# step %d disagrees with the model\n", i);
		EXPECT_TRUE(stepped);
		EXPECT_TRUE(model_matches(m));
		if (i % 500 == 0) {
			EXPECT_TRUE(free_list_ok(&m->ft, ZONE_LOW));
			EXPECT_TRUE(free_list_ok(&m->ft, ZONE_HIGH));
		}
	}
	printf("# %d steps, %zu allocations found the table empty\n", ROPS,
	       m->none);
	EXPECT_GT(m->none, 0);  /* the table did run empty */
	while (m->nheld && !t->failures)
		EXPECT_TRUE(model_ref(m, m->held[m->nheld - 1], false));
	EXPECT_EQ(m->ft.nfree[ZONE_LOW], low);
	EXPECT_EQ(m->ft.nfree[ZONE_HIGH], high);
	EXPECT_TRUE(model_matches(m));
	EXPECT_TRUE(free_list_ok(&m->ft, ZONE_LOW));
	EXPECT_TRUE(free_list_ok(&m->ft, ZONE_HIGH));
	free(m);
	free(s);
}
