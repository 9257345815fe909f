/* tests/host/vma_test.c: host unit tests of mm/vma.c. Every tree operation
 * is followed by a full check of the AVL invariants; a randomized case
 * replays thousands of operations against a page-by-page reference map. */
#include "mm/vma.h"

#include <stdio.h>

#include "kernel/uapi/errno.h"
#include "tests/host/hosttest.h"

#define PG(n) ((vaddr_t)(n) * PAGE_SIZE)

static struct vma *anon(vaddr_t start, vaddr_t end)
{
	return vma_create(start, end, VMA_READ | VMA_WRITE, VMA_ANON);
}

/* A file VMA over [start, end) showing file bytes [offset, offset + bytes). */
static struct vma *filed(vaddr_t start, vaddr_t end, uint32_t offset,
			 uint32_t bytes)
{
	struct vma *v = vma_create(start, end, VMA_READ, VMA_FILE_PRIVATE);

	if (v) {
		v->file = (struct vm_file *)0x1000;  /* never dereferenced */
		v->file_offset = offset;
		v->file_bytes = bytes;
	}
	return v;
}

/* Check the subtree at n: its VMAs lie in [lo, hi), its root's parent is
 * parent. Returns its height, or -1 after printing what is broken. */
static int subtree_check(const struct vma *n, const struct vma *parent,
			 uint64_t lo, uint64_t hi, size_t *count)
{
	const char *why = NULL;

	if (!n)
		return 0;
	++*count;
	int l = subtree_check(n->left, n, lo, n->start, count);
	int r = subtree_check(n->right, n, n->end, hi, count);
	if (l < 0 || r < 0)
		return -1;
	if (n->parent != parent)
		why = "parent pointer";
	else if (n->start >= n->end || (n->start | n->end) & ~PAGE_MASK)
		why = "aligned, non-empty range";
	else if (n->start < lo || n->end > hi)
		why = "ordered, not overlapping";
	else if (l - r > 1 || r - l > 1)
		why = "balance factor in -1..1";
	else if (n->height != 1 + (l > r ? l : r))
		why = "stored height";
	if (why)
		printf("# AVL invariant broken at [%#x, %#x): %s\n",
		       (unsigned)n->start, (unsigned)n->end, why);
	return why ? -1 : n->height;
}

static bool tree_ok(const struct vma_tree *tr)
{
	size_t count = 0;

	if (subtree_check(tr->root, NULL, 0, USER_TOP, &count) < 0)
		return false;
	if (count != tr->count)
		printf("# tree holds %zu VMAs, count says %zu\n", count,
		       tr->count);
	return count == tr->count;
}

/* End the case at the first broken invariant. */
#define CHECK_TREE(tr) ASSERT_TRUE(tree_ok(tr))

/* A small deterministic generator, so a failure replays exactly. */
static uint32_t rng_next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Fill a with 0..n-1 in an order fixed by seed. */
static void shuffle(int *a, int n, uint32_t seed)
{
	for (int i = 0; i < n; i++)
		a[i] = i;
	for (int i = n - 1; i > 0; i--) {
		int j = (int)(rng_next(&seed) % (uint32_t)(i + 1)), x = a[i];
		a[i] = a[j];
		a[j] = x;
	}
}

HOSTTEST(vma, create_validates_range)
{
	EXPECT_NULL(anon(PG(1), PG(1)));
	EXPECT_NULL(anon(PG(2), PG(1)));
	EXPECT_NULL(anon(PG(1) + 1, PG(2)));
	EXPECT_NULL(anon(PG(1), PG(2) - 1));
	EXPECT_NULL(anon(USER_TOP - PAGE_SIZE, USER_TOP + PAGE_SIZE));
	EXPECT_NULL(anon(USER_TOP, USER_TOP + PAGE_SIZE));
	EXPECT_NULL(anon(0xfffff000u, 0x1000u));  /* wrapped */

	struct vma *v = anon(USER_TOP - PAGE_SIZE, USER_TOP);
	ASSERT_NOT_NULL(v);
	EXPECT_EQ(v->start, USER_TOP - PAGE_SIZE);
	EXPECT_EQ(v->end, USER_TOP);
	EXPECT_EQ(v->prot, VMA_READ | VMA_WRITE);
	EXPECT_EQ(v->kind, VMA_ANON);
	EXPECT_TRUE(!v->flags && !v->file && !v->file_offset && !v->file_bytes &&
		    !v->label && !v->left && !v->right && !v->parent && !v->height);
	vma_destroy(v);
	vma_destroy(NULL);
}

HOSTTEST(vma, insert_then_find_and_find_from)
{
	struct vma_tree tr;
	struct vma *a = anon(PG(10), PG(12)), *b = anon(PG(20), PG(21));
	struct vma *c = anon(PG(12), PG(15));

	vma_tree_init(&tr);
	EXPECT_NULL(vma_find(&tr, PG(10)));
	EXPECT_NULL(vma_find_from(&tr, 0));
	EXPECT_NULL(vma_first(&tr));
	ASSERT_EQ(vma_insert(&tr, b), 0);
	ASSERT_EQ(vma_insert(&tr, a), 0);
	ASSERT_EQ(vma_insert(&tr, c), 0);
	CHECK_TREE(&tr);
	EXPECT_EQ(tr.count, 3);
	EXPECT_NULL(vma_find(&tr, PG(10) - 1));
	EXPECT_PTR_EQ(vma_find(&tr, PG(10)), a);
	EXPECT_PTR_EQ(vma_find(&tr, PG(12) - 1), a);
	EXPECT_PTR_EQ(vma_find(&tr, PG(12)), c);
	EXPECT_PTR_EQ(vma_find(&tr, PG(15) - 1), c);
	EXPECT_NULL(vma_find(&tr, PG(15)));
	EXPECT_NULL(vma_find(&tr, PG(20) - 1));
	EXPECT_PTR_EQ(vma_find(&tr, PG(20) + 123), b);
	EXPECT_NULL(vma_find(&tr, PG(21)));
	EXPECT_NULL(vma_find(&tr, 0xffffffffu));
	/* find_from: the lowest VMA that ends above the address. */
	EXPECT_PTR_EQ(vma_find_from(&tr, 0), a);
	EXPECT_PTR_EQ(vma_find_from(&tr, PG(12) - 1), a);
	EXPECT_PTR_EQ(vma_find_from(&tr, PG(12)), c);
	EXPECT_PTR_EQ(vma_find_from(&tr, PG(15)), b);
	EXPECT_PTR_EQ(vma_find_from(&tr, PG(21) - 1), b);
	EXPECT_NULL(vma_find_from(&tr, PG(21)));
	EXPECT_NULL(vma_find_from(&tr, 0xffffffffu));
	vma_tree_clear(&tr);
}

HOSTTEST(vma, insert_refuses_every_overlap)
{
	struct vma_tree tr;
	static const struct { unsigned s, e; } clash[] = {
		{ 16, 20 },  /* the same range */
		{ 17, 18 },  /* inside */
		{ 15, 21 },  /* covering */
		{ 15, 17 },  /* over the left edge */
		{ 19, 21 },  /* over the right edge */
		{ 16, 17 },  /* same start, inside */
		{ 19, 20 },  /* same end, inside */
		{ 16, 30 },  /* same start, past the end */
		{ 10, 20 },  /* before the start, same end */
		{ 19, 25 },  /* covering the gap into the next VMA */
	};

	vma_tree_init(&tr);
	ASSERT_EQ(vma_insert(&tr, anon(PG(16), PG(20))), 0);
	ASSERT_EQ(vma_insert(&tr, anon(PG(24), PG(26))), 0);
	ASSERT_EQ(vma_insert(&tr, anon(PG(4), PG(8))), 0);
	struct vma *root = tr.root;
	for (size_t i = 0; i < sizeof(clash) / sizeof(clash[0]); i++) {
		struct vma *v = anon(PG(clash[i].s), PG(clash[i].e));
		ASSERT_NOT_NULL(v);
		EXPECT_EQ(vma_insert(&tr, v), -EEXIST);
		EXPECT_EQ(v->height, 0);
		vma_destroy(v);
		EXPECT_EQ(tr.count, 3);
		EXPECT_PTR_EQ(tr.root, root);
		CHECK_TREE(&tr);
	}
	/* Touching on either side is not an overlap, nor is filling a gap. */
	EXPECT_EQ(vma_insert(&tr, anon(PG(15), PG(16))), 0);
	EXPECT_EQ(vma_insert(&tr, anon(PG(20), PG(24))), 0);
	EXPECT_EQ(vma_insert(&tr, anon(PG(26), PG(27))), 0);
	EXPECT_EQ(vma_insert(&tr, anon(PG(8), PG(15))), 0);
	CHECK_TREE(&tr);
	EXPECT_EQ(tr.count, 7);
	vma_tree_clear(&tr);
}

HOSTTEST(vma, first_next_prev_walk_in_order)
{
	struct vma_tree tr;
	enum { N = 200 };
	int order[N];

	vma_tree_init(&tr);
	shuffle(order, N, 12345);
	for (int i = 0; i < N; i++)
		ASSERT_EQ(vma_insert(&tr, anon(PG(2 * order[i] + 1),
					       PG(2 * order[i] + 2))), 0);
	CHECK_TREE(&tr);
	struct vma *v = vma_first(&tr), *last = NULL;
	for (int i = 0; i < N; i++, v = vma_next(v)) {
		ASSERT_NOT_NULL(v);
		EXPECT_EQ(v->start, PG(2 * i + 1));
		EXPECT_PTR_EQ(vma_prev(v), last);
		last = v;
	}
	EXPECT_NULL(v);
	vma_tree_clear(&tr);
}

HOSTTEST(vma, split_copies_fields_and_checks_address)
{
	struct vma_tree tr;
	struct vma *v = anon(PG(10), PG(20));

	vma_tree_init(&tr);
	v->flags = VMA_GROWSDOWN;
	v->label = "[stack]";
	ASSERT_EQ(vma_insert(&tr, v), 0);
	struct vma *u = vma_split(&tr, v, PG(13));
	ASSERT_NOT_NULL(u);
	CHECK_TREE(&tr);
	EXPECT_EQ(tr.count, 2);
	EXPECT_EQ(v->start, PG(10));
	EXPECT_EQ(v->end, PG(13));
	EXPECT_EQ(u->start, PG(13));
	EXPECT_EQ(u->end, PG(20));
	EXPECT_EQ(u->prot, v->prot);
	EXPECT_EQ(u->flags, VMA_GROWSDOWN);
	EXPECT_EQ(u->kind, VMA_ANON);
	EXPECT_EQ(u->file_offset, 0);
	EXPECT_EQ(u->file_bytes, 0);
	EXPECT_STREQ(u->label, "[stack]");
	EXPECT_PTR_EQ(vma_next(v), u);
	/* Only an aligned address strictly inside splits. */
	EXPECT_NULL(vma_split(&tr, v, PG(10)));
	EXPECT_NULL(vma_split(&tr, v, PG(13)));
	EXPECT_NULL(vma_split(&tr, v, PG(11) + 4));
	EXPECT_NULL(vma_split(&tr, v, PG(30)));
	EXPECT_EQ(v->end, PG(13));
	EXPECT_EQ(tr.count, 2);
	vma_tree_clear(&tr);
}

HOSTTEST(vma, split_divides_file_data_and_zero_tail)
{
	struct vma_tree tr;
	/* Five pages showing file bytes [0x3000, 0x5800): two and a half
	 * pages of data, then a zero tail. */
	struct vma *v = filed(PG(1), PG(6), 0x3000, 0x2800);

	vma_tree_init(&tr);
	ASSERT_EQ(vma_insert(&tr, v), 0);
	/* Cut inside the data. */
	struct vma *u = vma_split(&tr, v, PG(2));
	ASSERT_NOT_NULL(u);
	EXPECT_EQ(v->file_offset, 0x3000);
	EXPECT_EQ(v->file_bytes, 0x1000);
	EXPECT_EQ(u->file_offset, 0x4000);
	EXPECT_EQ(u->file_bytes, 0x1800);
	EXPECT_PTR_EQ(u->file, v->file);
	EXPECT_EQ(u->kind, VMA_FILE_PRIVATE);
	/* Cut in the page where the data ends: the upper part is all zeros. */
	struct vma *w = vma_split(&tr, u, PG(4));
	ASSERT_NOT_NULL(w);
	EXPECT_EQ(u->file_bytes, 0x1800);
	EXPECT_EQ(w->file_offset, 0x6000);
	EXPECT_EQ(w->file_bytes, 0);
	/* Cut inside the zero tail. */
	struct vma *x = vma_split(&tr, w, PG(5));
	ASSERT_NOT_NULL(x);
	EXPECT_EQ(w->file_bytes, 0);
	EXPECT_EQ(x->file_offset, 0x7000);
	EXPECT_EQ(x->file_bytes, 0);
	CHECK_TREE(&tr);
	EXPECT_EQ(tr.count, 4);
	vma_tree_clear(&tr);
}

HOSTTEST(vma, can_merge_anonymous_rules)
{
	struct vma *a = anon(PG(1), PG(3)), *b = anon(PG(3), PG(4));
	struct vma *gap = anon(PG(5), PG(6));
	char heap[] = "[heap]";  /* equal text at another address */

	ASSERT_TRUE(a && b);
	EXPECT_TRUE(vma_can_merge(a, b));
	EXPECT_FALSE(vma_can_merge(b, a));
	EXPECT_FALSE(vma_can_merge(b, gap));
	b->prot = VMA_READ;
	EXPECT_FALSE(vma_can_merge(a, b));
	b->prot = a->prot;
	b->flags = VMA_GROWSDOWN;
	EXPECT_FALSE(vma_can_merge(a, b));
	b->flags = 0;
	b->label = "[heap]";
	EXPECT_FALSE(vma_can_merge(a, b));
	a->label = heap;
	EXPECT_TRUE(vma_can_merge(a, b));
	b->kind = VMA_FILE_SHARED;
	EXPECT_FALSE(vma_can_merge(a, b));
	vma_destroy(a);
	vma_destroy(b);
	vma_destroy(gap);
}

HOSTTEST(vma, merge_file_rules_and_round_trip)
{
	struct vma_tree tr;
	struct vma *v = filed(PG(1), PG(6), 0x3000, 0x2800);

	vma_tree_init(&tr);
	ASSERT_EQ(vma_insert(&tr, anon(PG(6), PG(7))), 0);
	ASSERT_EQ(vma_insert(&tr, v), 0);
	struct vma *u = vma_split(&tr, v, PG(3));
	ASSERT_NOT_NULL(u);
	/* The lower part's data reaches its end and the offsets continue;
	 * any other difference keeps the parts apart. */
	EXPECT_TRUE(vma_can_merge(v, u));
	u->file_offset += PAGE_SIZE;
	EXPECT_FALSE(vma_can_merge(v, u));
	u->file_offset -= PAGE_SIZE;
	u->file = (struct vm_file *)0x2000;
	EXPECT_FALSE(vma_can_merge(v, u));
	u->file = v->file;
	u->kind = VMA_FILE_SHARED;
	EXPECT_FALSE(vma_can_merge(v, u));
	u->kind = v->kind;
	vma_merge(&tr, v, u);
	CHECK_TREE(&tr);
	EXPECT_EQ(tr.count, 2);
	EXPECT_EQ(v->end, PG(6));
	EXPECT_EQ(v->file_offset, 0x3000);
	EXPECT_EQ(v->file_bytes, 0x2800);
	/* Split inside the zero tail: the lower part now ends in zeros, and
	 * the contract keeps anything after such a part apart. */
	u = vma_split(&tr, v, PG(5));
	ASSERT_NOT_NULL(u);
	EXPECT_FALSE(vma_can_merge(v, u));
	EXPECT_FALSE(vma_can_merge(u, vma_next(u)));  /* file, then anon */
	vma_tree_clear(&tr);
}

HOSTTEST(vma, remove_in_random_order_keeps_balance)
{
	struct vma_tree tr;
	enum { N = 1000 };
	static struct vma *v[N];
	static int order[N];

	vma_tree_init(&tr);
	for (int i = 0; i < N; i++) {
		v[i] = anon(PG(3 * i + 1), PG(3 * i + 3));
		ASSERT_EQ(vma_insert(&tr, v[i]), 0);
	}
	shuffle(order, N, 2024);
	for (int i = 0; i < N; i++) {
		struct vma *x = v[order[i]];
		vma_remove(&tr, x);
		CHECK_TREE(&tr);
		EXPECT_NULL(vma_find(&tr, x->start));
		EXPECT_EQ(x->height, 0);
		vma_destroy(x);
	}
	EXPECT_NULL(tr.root);
}

/* The randomized case's reference: the VMA owning each page, or NULL. */
enum { MODEL_PAGES = 256 };
static struct vma *model[MODEL_PAGES];

static void model_set(const struct vma *v, struct vma *owner)
{
	for (vaddr_t a = v->start; a < v->end; a += PAGE_SIZE)
		model[a / PAGE_SIZE] = owner;
}

/* Does the in-order walk of the tree show exactly the model's VMAs? */
static bool model_matches(const struct vma_tree *tr)
{
	const struct vma *v = vma_first(tr);

	for (unsigned p = 0; p < MODEL_PAGES; p++) {
		if (v && PG(p) == v->end)
			v = vma_next(v);
		bool in_v = v && PG(p) >= v->start;
		if (model[p] != (in_v ? v : NULL))
			return false;
	}
	return !v || (v->end == PG(MODEL_PAGES) && !vma_next(v));
}

static void random_insert(struct hosttest *t, struct vma_tree *tr,
			  uint32_t r)
{
	unsigned p = r % (MODEL_PAGES - 7), len = 1 + (r >> 8) % 8;
	bool clash = false;

	for (unsigned i = p; i < p + len; i++)
		clash |= model[i] != NULL;
	struct vma *v = anon(PG(p), PG(p + len));
	ASSERT_NOT_NULL(v);
	v->prot = (r >> 16) & 1 ? VMA_READ : VMA_READ | VMA_WRITE;
	int err = vma_insert(tr, v);
	EXPECT_EQ(err, clash ? -EEXIST : 0);
	if (err)
		vma_destroy(v);
	else
		model_set(v, v);
}

/* One operation on the VMA owning a random page (if any) or a lookup. */
static void random_op(struct hosttest *t, struct vma_tree *tr, uint32_t r)
{
	unsigned p = (r >> 3) % MODEL_PAGES;
	struct vma *v = model[p], *u;

	switch (r % 6) {
	case 0:
	case 1:
		random_insert(t, tr, r >> 3);
		break;
	case 2:
		if (v) {
			vma_remove(tr, v);
			model_set(v, NULL);
			vma_destroy(v);
		}
		break;
	case 3:
		if (v && PG(p) > v->start) {
			u = vma_split(tr, v, PG(p));
			ASSERT_NOT_NULL(u);
			model_set(u, u);
		}
		break;
	case 4:
		if (v && (u = vma_next(v)) && vma_can_merge(v, u)) {
			model_set(u, v);
			vma_merge(tr, v, u);
		}
		break;
	default: {
		vaddr_t addr = PG(p) + (r >> 20) % PAGE_SIZE;
		unsigned q = p;
		EXPECT_PTR_EQ(vma_find(tr, addr), v);
		while (q < MODEL_PAGES && !model[q])
			q++;
		EXPECT_PTR_EQ(vma_find_from(tr, addr),
			      q < MODEL_PAGES ? model[q] : NULL);
		EXPECT_NULL(vma_find(tr, PG(MODEL_PAGES)));
	}
	}
}

HOSTTEST(vma, random_operations_match_reference)
{
	struct vma_tree tr;
	uint32_t seed = 0x9e3779b9u;

	vma_tree_init(&tr);
	memset(model, 0, sizeof(model));
	for (int i = 0; i < 20000; i++) {
		random_op(t, &tr, rng_next(&seed));
		CHECK_TREE(&tr);
		ASSERT_TRUE(model_matches(&tr));
		ASSERT_EQ(t->failures, 0);
	}
	vma_tree_clear(&tr);
}

HOSTTEST(vma, many_inserts_stay_shallow_and_clear_frees_all)
{
	struct vma_tree tr;
	enum { N = 4095 };

	vma_tree_init(&tr);
	vma_tree_clear(&tr);  /* an empty tree is fine */
	/* Ascending order makes a plain search tree a list; AVL keeps the
	 * height within 1.44 log2(n + 2). */
	for (int i = 0; i < N; i++)
		ASSERT_EQ(vma_insert(&tr, anon(PG(i + 1), PG(i + 2))), 0);
	CHECK_TREE(&tr);
	EXPECT_LE(tr.root->height, 17);
	vma_tree_clear(&tr);
	EXPECT_NULL(tr.root);
	EXPECT_EQ(tr.count, 0);
	EXPECT_NULL(vma_first(&tr));
	/* ASan's leak checker, at exit, proves every VMA was freed. */
}
