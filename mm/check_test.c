/* mm/check_test.c: each invariant checker (mm/check.h) passes on the live
 * kernel and fires on a structure corrupted on purpose, which the case
 * then restores. */
#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "mm/as.h"
#include "mm/check.h"
#include "mm/kheap.h"
#include "mm/kheap_internal.h"
#include "mm/pmm.h"
#include "mm/pmm_internal.h"
#include "mm/vm_file.h"
#include "mm/vma.h"
#include "mm/vmm.h"
#include "tests/ktest.h"

KTEST(check, frame_table_check_fires_on_a_free_frame_marked_in_use)
{
	const char *why = NULL;
	ASSERT_EQ(pmm_check(&why), 0);
	struct frame_table *ft = pmm_table();
	bool irq = irq_save();
	uint32_t f = ft->head[ZONE_LOW];  /* a free frame, on its list */
	ft->frames[f].refcount = 1;       /* "in use", yet still listed */
	int r = pmm_check(&why);
	ft->frames[f].refcount = 0;
	irq_restore(irq);
	EXPECT_EQ(r, -1);
	EXPECT_STREQ(why, "a frame on a free list is in use");
	EXPECT_EQ(pmm_check(&why), 0);
}

KTEST(check, heap_check_fires_on_a_write_after_free)
{
	const char *why = NULL;
	ASSERT_EQ(kheap_check(&why), 0);
	if (!KHEAP_DEBUG)
		return;  /* no poison to damage */
	char *a = kmalloc(64), *b = kmalloc(64);  /* b keeps the slab alive */
	ASSERT_NOT_NULL(a);
	ASSERT_NOT_NULL(b);
	kfree(a);
	char saved = a[40];
	a[40] = 1;  /* the write after free */
	int r = kheap_check(&why);
	a[40] = saved;
	EXPECT_EQ(r, -1);
	EXPECT_STREQ(why, "a free object was written (poison damaged)");
	EXPECT_EQ(kheap_check(&why), 0);
	kfree(b);
}

KTEST(check, vma_tree_check_fires_on_a_wrong_height_and_an_overlap)
{
	struct vma_tree tree;
	vma_tree_init(&tree);
	const char *why = NULL;
	for (vaddr_t a = 0x10000000; a < 0x10008000; a += 0x2000) {
		struct vma *v = vma_create(a, a + 0x1000, VMA_READ, VMA_ANON);
		ASSERT_NOT_NULL(v);
		ASSERT_EQ(vma_insert(&tree, v), 0);
	}
	EXPECT_EQ(vma_tree_check(&tree, &why), 0);
	tree.root->height++;
	EXPECT_EQ(vma_tree_check(&tree, &why), -1);
	EXPECT_STREQ(why, "a node's height is wrong");
	tree.root->height--;
	struct vma *first = vma_first(&tree);
	first->end += 0x2000;  /* now it overlaps the next */
	EXPECT_EQ(vma_tree_check(&tree, &why), -1);
	EXPECT_STREQ(why, "VMAs overlap or are out of order");
	first->end -= 0x2000;
	EXPECT_EQ(vma_tree_check(&tree, &why), 0);
	vma_tree_clear(&tree);
}

KTEST(check, as_check_fires_on_a_page_outside_its_vmas_and_a_writable_one)
{
	struct address_space *as = as_create();
	ASSERT_NOT_NULL(as);
	const char *why = NULL;
	unsigned long where;
	struct vma *v = vma_create(0x20000000, 0x20001000, VMA_READ,
				   VMA_ANON);
	ASSERT_NOT_NULL(v);
	ASSERT_EQ(as_insert_vma(as, v), 0);
	paddr_t f = pmm_alloc_frame(PMM_ZERO);
	ASSERT_NE(f, 0);
	/* Read-only in its read-only VMA: fine. */
	ASSERT_EQ(vmm_map(as->pd, 0x20000000, f, VMM_USER), 0);
	as->resident++;
	EXPECT_EQ(as_check(as, &why, &where), 0);
	/* Writable in a read-only VMA. */
	vmm_map(as->pd, 0x20000000, f, VMM_USER | VMM_WRITE);
	EXPECT_EQ(as_check(as, &why, &where), -1);
	EXPECT_STREQ(why, "a page is writable in a read-only VMA");
	EXPECT_EQ(where, 0x20000000);
	vmm_unmap(as->pd, 0x20000000);
	/* A page in no VMA. */
	ASSERT_EQ(vmm_map(as->pd, 0x30000000, f, VMM_USER), 0);
	EXPECT_EQ(as_check(as, &why, &where), -1);
	EXPECT_STREQ(why, "a present page lies in no VMA");
	EXPECT_EQ(where, 0x30000000);
	vmm_unmap(as->pd, 0x30000000);
	as->resident--;
	EXPECT_EQ(as_check(as, &why, &where), 0);
	pmm_free_frame(f);
	as_destroy(as);
}

/* A frame mapped twice in a fresh address space: one reference too many,
 * then one too few; frames_check names exactly that frame each time. */
KTEST(check, frames_check_names_a_frame_with_one_reference_too_many_or_few)
{
	struct frame_mismatch m[2];
	const char *why = NULL;
	ASSERT_EQ(frames_check(m, 2, &why), 0);
	struct address_space *as = as_create();
	ASSERT_NOT_NULL(as);
	struct vma *v = vma_create(0x20000000, 0x20002000, VMA_READ, VMA_ANON);
	ASSERT_NOT_NULL(v);
	ASSERT_EQ(as_insert_vma(as, v), 0);
	paddr_t f = pmm_alloc_frame(PMM_ZERO);
	ASSERT_NE(f, 0);
	ASSERT_EQ(vmm_map(as->pd, 0x20000000, f, VMM_USER), 0);
	pmm_ref_frame(f);
	ASSERT_EQ(vmm_map(as->pd, 0x20001000, f, VMM_USER), 0);
	as->resident = 2;
	EXPECT_EQ(frames_check(m, 2, &why), 0);

	pmm_ref_frame(f);  /* a reference nobody holds: a leak */
	EXPECT_EQ(frames_check(m, 2, &why), 1);
	EXPECT_EQ(m[0].frame, f);
	EXPECT_EQ(m[0].refs, 3);
	EXPECT_EQ(m[0].found, 2);
	struct frame_explain ex;
	frames_explain(f, &ex);
	EXPECT_EQ(ex.by[FRAME_BY_MAP], 2);
	EXPECT_EQ(ex.by[FRAME_BY_CACHE], 0);
	EXPECT_PTR_EQ(ex.as, as);
	EXPECT_EQ(ex.va, 0x20000000);
	pmm_free_frame(f);  /* repaired */
	EXPECT_EQ(frames_check(m, 2, &why), 0);

	pmm_free_frame(f);  /* one mapping without its reference */
	EXPECT_EQ(frames_check(m, 2, &why), 1);
	EXPECT_EQ(m[0].frame, f);
	EXPECT_EQ(m[0].refs, 1);
	EXPECT_EQ(m[0].found, 2);
	pmm_ref_frame(f);  /* repaired */
	EXPECT_EQ(frames_check(m, 2, &why), 0);
	EXPECT_NULL(why);
	as_destroy(as);
}

/* A page-cache page mapped by an address space counts both holders. */
KTEST(check, frames_check_counts_the_page_cache_and_page_tables)
{
	struct frame_mismatch m[2];
	const char *why = NULL;
	struct address_space *as = as_create();
	ASSERT_NOT_NULL(as);
	struct frame_explain ex;
	frames_explain(as->pd, &ex);
	EXPECT_EQ(ex.by[FRAME_BY_TABLE], 1);
	static struct vm_file file = { .path = "check", .size = PAGE_SIZE };
	paddr_t f = pagecache_get(&file, 0);  /* the cache's and ours */
	ASSERT_NE(f, 0);
	struct vma *v = vma_create(0x20000000, 0x20001000, VMA_READ, VMA_ANON);
	ASSERT_NOT_NULL(v);
	ASSERT_EQ(as_insert_vma(as, v), 0);
	ASSERT_EQ(vmm_map(as->pd, 0x20000000, f, VMM_USER), 0);
	as->resident = 1;
	frames_explain(f, &ex);
	EXPECT_EQ(ex.by[FRAME_BY_MAP], 1);
	EXPECT_EQ(ex.by[FRAME_BY_CACHE], 1);
	EXPECT_EQ(frames_check(m, 2, &why), 0);
	pagecache_evict(&file);  /* the cache lets go: the mapping's remains */
	EXPECT_EQ(pmm_frame_refcount(f), 1);
	EXPECT_EQ(frames_check(m, 2, &why), 0);
	as_destroy(as);
}
