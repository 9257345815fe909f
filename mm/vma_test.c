/* mm/vma_test.c: in-kernel tests of the VMA tree: thousands of VMAs in the
 * kernel heap, split and merge, overlap refusal. The exhaustive checks of
 * the AVL invariants run on the host (tests/host/vma_test.c). */
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/vm_file.h"
#include "mm/vma.h"
#include "tests/ktest.h"

#define PG(n) ((vaddr_t)(n) * PAGE_SIZE)

enum { MANY = 4000 };

/* VMA i of the many-VMA cases: one page, with a one-page gap after it. */
static vaddr_t many_start(int i)
{
	return PG(16 + 2 * i);
}

/* Lookups of the many-VMA layout that give a wrong answer. */
static int many_wrong_lookups(const struct vma_tree *t)
{
	int wrong = 0;

	for (int i = 0; i < MANY; i++) {
		vaddr_t s = many_start(i);
		struct vma *v = vma_find(t, s), *w = vma_find(t, s + PAGE_SIZE - 1);
		wrong += !v || v->start != s || v->end != s + PAGE_SIZE || w != v;
		wrong += vma_find(t, s + PAGE_SIZE) != NULL;     /* the gap */
		wrong += vma_find(t, s + 2 * PAGE_SIZE - 1) != NULL;
		wrong += vma_find_from(t, s + PAGE_SIZE) !=
			 (i + 1 < MANY ? vma_find(t, many_start(i + 1)) : NULL);
	}
	wrong += vma_find(t, many_start(0) - 1) != NULL;
	return wrong;
}

KTEST(vma, thousands_of_vmas_found_and_gaps_empty)
{
	struct vma_tree tr;

	vma_tree_init(&tr);
	/* 1999 is prime to 4000: every slot once, in a scattered order. */
	for (int k = 0; k < MANY; k++) {
		int i = (int)((unsigned)k * 1999u % MANY);
		struct vma *v = vma_create(many_start(i), many_start(i) + PAGE_SIZE,
					   VMA_READ, VMA_ANON);
		ASSERT_NOT_NULL(v);
		if (vma_insert(&tr, v) != 0) {
			vma_destroy(v);
			vma_tree_clear(&tr);
			ASSERT_TRUE(!"insert of a free range failed");
		}
	}
	EXPECT_EQ(tr.count, MANY);
	/* An AVL tree of 4000 nodes is at most 1.44 log2(4002) high. */
	EXPECT_LE(tr.root->height, 17);
	EXPECT_EQ(many_wrong_lookups(&tr), 0);

	int in_order = 0;
	for (struct vma *v = vma_first(&tr); v; v = vma_next(v))
		in_order += v->start == many_start(in_order);
	EXPECT_EQ(in_order, MANY);
	vma_tree_clear(&tr);
	EXPECT_NULL(tr.root);
	EXPECT_EQ(tr.count, 0);
}

KTEST(vma, remove_every_other_keeps_the_rest)
{
	struct vma_tree tr;
	int wrong = 0;

	vma_tree_init(&tr);
	for (int i = 0; i < 1000; i++) {
		struct vma *v = vma_create(many_start(i), many_start(i) + PAGE_SIZE,
					   VMA_READ, VMA_ANON);
		ASSERT_NOT_NULL(v);
		EXPECT_EQ(vma_insert(&tr, v), 0);
	}
	for (int i = 0; i < 1000; i += 2) {
		struct vma *v = vma_find(&tr, many_start(i));
		ASSERT_NOT_NULL(v);
		vma_remove(&tr, v);
		vma_destroy(v);
	}
	for (int i = 0; i < 1000; i++)
		wrong += (vma_find(&tr, many_start(i)) != NULL) != (i % 2 == 1);
	EXPECT_EQ(wrong, 0);
	EXPECT_EQ(tr.count, 500);
	EXPECT_LE(tr.root->height, 13);
	vma_tree_clear(&tr);
}

KTEST(vma, insert_refuses_overlap_and_keeps_tree)
{
	struct vma_tree tr;
	static const unsigned clash[][2] = {
		{ 16, 20 }, { 17, 18 }, { 15, 21 }, { 15, 17 }, { 19, 21 },
	};

	vma_tree_init(&tr);
	struct vma *a = vma_create(PG(16), PG(20), VMA_READ, VMA_ANON);
	ASSERT_NOT_NULL(a);
	ASSERT_EQ(vma_insert(&tr, a), 0);
	for (unsigned i = 0; i < sizeof(clash) / sizeof(clash[0]); i++) {
		struct vma *v = vma_create(PG(clash[i][0]), PG(clash[i][1]),
					   VMA_READ, VMA_ANON);
		ASSERT_NOT_NULL(v);
		EXPECT_EQ(vma_insert(&tr, v), -EEXIST);
		vma_destroy(v);
	}
	EXPECT_EQ(tr.count, 1);
	EXPECT_PTR_EQ(tr.root, a);
	/* Touching is not overlapping. */
	struct vma *b = vma_create(PG(20), PG(21), VMA_READ, VMA_ANON);
	ASSERT_NOT_NULL(b);
	EXPECT_EQ(vma_insert(&tr, b), 0);
	EXPECT_NULL(vma_create(PG(1), PG(1), VMA_READ, VMA_ANON));
	EXPECT_NULL(vma_create(USER_TOP - PAGE_SIZE, USER_TOP + PAGE_SIZE,
			       VMA_READ, VMA_ANON));
	vma_tree_clear(&tr);
}

KTEST(vma, split_and_merge_use_the_kernel_heap)
{
	struct vma_tree tr;

	vma_tree_init(&tr);
	/* Four pages showing file bytes [0x2000, 0x3800), then zeros. */
	struct vma *v = vma_create(PG(8), PG(12), VMA_READ, VMA_FILE_PRIVATE);
	ASSERT_NOT_NULL(v);
	static struct vm_file file = { .path = "/test" };  /* never freed */
	v->file = vm_file_get(&file);
	v->file_offset = 0x2000;
	v->file_bytes = 0x1800;
	v->label = "[test]";
	ASSERT_EQ(vma_insert(&tr, v), 0);

	size_t heap = kheap_bytes_in_use();
	struct vma *u = vma_split(&tr, v, PG(9));
	ASSERT_NOT_NULL(u);
	EXPECT_GT(kheap_bytes_in_use(), heap);
	EXPECT_EQ(tr.count, 2);
	EXPECT_EQ(v->end, PG(9));
	EXPECT_EQ(v->file_bytes, 0x1000);
	EXPECT_EQ(u->start, PG(9));
	EXPECT_EQ(u->end, PG(12));
	EXPECT_EQ(u->file_offset, 0x3000);
	EXPECT_EQ(u->file_bytes, 0x800);
	EXPECT_PTR_EQ(u->file, v->file);
	EXPECT_EQ(file.refs, 2);  /* each VMA holds the file */
	EXPECT_STREQ(u->label, "[test]");
	EXPECT_PTR_EQ(vma_find(&tr, PG(10)), u);

	ASSERT_TRUE(vma_can_merge(v, u));
	vma_merge(&tr, v, u);
	EXPECT_EQ(kheap_bytes_in_use(), heap);
	EXPECT_EQ(tr.count, 1);
	EXPECT_EQ(v->end, PG(12));
	EXPECT_EQ(v->file_bytes, 0x1800);
	EXPECT_PTR_EQ(vma_find(&tr, PG(11)), v);
	EXPECT_EQ(file.refs, 1);
	vma_tree_clear(&tr);
	EXPECT_EQ(file.refs, 0);
}
