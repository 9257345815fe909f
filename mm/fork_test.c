/* mm/fork_test.c: as_fork, the memory half of fork: the child sees the
 * parent's memory through the same frames, copy-on-write breaks on the
 * first write on either side, and every frame comes back. */
#include "kernel/lib/string.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"
#include "tests/vmtest.h"

#define RW (VMA_READ | VMA_WRITE)

/* The parent: four VMAs in three page tables. */
#define ANON   0x08048000u  /* 4 pages rw-p anonymous: 0 and 2 written */
#define PRIV   0x08060000u  /* 3 pages rw-p file: 0 read, 1 written */
#define TEXT   0x10000000u  /* 3 pages r-xp file: 0 read */
#define SHARED 0x20000000u  /* 3 pages rw-s file: 0 read, 1 written */
#define PARENT_RESIDENT 7

#define PAGE(base, n) ((base) + (n) * PAGE_SIZE)
#define MARK(n) (0xf00d0000u + (n))  /* a word the parent wrote */

/* One file's bytes behind three vm_files, so that each file VMA has page
 * cache pages of its own and the reference counts are easy to predict. */
static uint8_t file_data[3 * PAGE_SIZE];
static struct vm_file files[3] = {
	{ .path = "/test/priv", .data = file_data, .size = sizeof(file_data),
	  .data_size = sizeof(file_data) },
	{ .path = "/test/text", .data = file_data, .size = sizeof(file_data),
	  .data_size = sizeof(file_data) },
	{ .path = "/test/shared", .data = file_data, .size = sizeof(file_data),
	  .data_size = sizeof(file_data) },
};

/* vmtest_done, then the test files' pages leave the page cache: a write
 * through the shared VMA made its pages dirty (the file's only copy of
 * those bytes), which no reclaim drops. */
static void fork_done(struct address_space *as)
{
	vmtest_done(as);
	for (unsigned i = 0; i < 3; i++)
		pagecache_evict(&files[i]);
}

/* The word at offset 8 of page n of the file. */
static uint32_t file_word(unsigned n)
{
	uint32_t w;
	memcpy(&w, file_data + n * PAGE_SIZE + 8, 4);
	return w;
}

/* The word at va + 8 in the current address space (0xdeadbeef if the
 * read fails), and a write of one there. */
static uint32_t peek(vaddr_t va)
{
	uint32_t w = 0xdeadbeef;
	if (copy_from_user(&w, (void *)(va + 8), 4) < 0)
		return 0xdeadbeef;
	return w;
}

static int poke(vaddr_t va, uint32_t w)
{
	return copy_to_user((void *)(va + 8), &w, 4);
}

static bool add_vma(struct address_space *as, vaddr_t start, unsigned pages,
		    unsigned prot, enum vma_kind kind, struct vm_file *file)
{
	struct vma *v = vma_create(start, start + pages * PAGE_SIZE, prot, kind);
	if (!v)
		return false;
	if (file) {
		v->file = file;
		v->file_bytes = sizeof(file_data);
	}
	if (as_insert_vma(as, v) < 0) {
		vma_destroy(v);
		return false;
	}
	return true;
}

/* The parent, current, with the pages above touched (NULL if out of
 * memory). */
static struct address_space *parent_space(void)
{
	for (size_t i = 0; i < sizeof(file_data); i++)
		file_data[i] = (uint8_t)(i * 7 + 1);
	struct address_space *as = vmtest_space(
		vma_create(ANON, PAGE(ANON, 4), RW, VMA_ANON));
	if (!as)
		return NULL;
	if (!add_vma(as, PRIV, 3, RW, VMA_FILE_PRIVATE, &files[0]) ||
	    !add_vma(as, TEXT, 3, VMA_READ | VMA_EXEC, VMA_FILE_PRIVATE, &files[1]) ||
	    !add_vma(as, SHARED, 3, RW, VMA_FILE_SHARED, &files[2]) ||
	    poke(PAGE(ANON, 0), MARK(0)) < 0 || poke(PAGE(ANON, 2), MARK(2)) < 0 ||
	    peek(PAGE(PRIV, 0)) != file_word(0) || poke(PAGE(PRIV, 1), MARK(11)) < 0 ||
	    peek(PAGE(TEXT, 0)) != file_word(0) ||
	    peek(PAGE(SHARED, 0)) != file_word(0) ||
	    poke(PAGE(SHARED, 1), MARK(21)) < 0) {
		fork_done(as);
		return NULL;
	}
	return as;
}

/* What the parent's touched pages hold. */
static const struct {
	vaddr_t va;
	uint32_t word;      /* 0: the file's, file_word(0) */
	bool cow;           /* read-only in both after the fork */
} touched[PARENT_RESIDENT] = {
	{ PAGE(ANON, 0), MARK(0), true },
	{ PAGE(ANON, 2), MARK(2), true },
	{ PAGE(PRIV, 0), 0, true },
	{ PAGE(PRIV, 1), MARK(11), true },
	{ PAGE(TEXT, 0), 0, true },
	{ PAGE(SHARED, 0), 0, false },
	{ PAGE(SHARED, 1), MARK(21), false },
};

static uint32_t touched_word(unsigned i)
{
	return touched[i].word ? touched[i].word : file_word(0);
}

static void destroy_both(struct address_space *parent,
			 struct address_space *child)
{
	as_switch(NULL);
	as_destroy(child);
	fork_done(parent);
}

KTEST(fork, child_sees_parent_memory_and_vmas)
{
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);

	as_switch(child);
	for (unsigned i = 0; i < PARENT_RESIDENT; i++)
		EXPECT_EQ(peek(touched[i].va), touched_word(i));
	/* untouched pages arrive in the child as they would have in the parent */
	EXPECT_EQ(peek(PAGE(ANON, 1)), 0);
	EXPECT_EQ(peek(PAGE(PRIV, 2)), file_word(2));
	EXPECT_EQ(peek(PAGE(SHARED, 2)), file_word(2));

	/* the same VMAs, line for line as /proc/PID/maps shows them */
	EXPECT_EQ(child->vmas.count, parent->vmas.count);
	const struct vma *p = vma_first(&parent->vmas), *c = vma_first(&child->vmas);
	for (; p && c; p = vma_next(p), c = vma_next(c)) {
		char pl[AS_VMA_LINE_MAX], cl[AS_VMA_LINE_MAX];
		as_format_vma(p, pl, sizeof(pl));
		as_format_vma(c, cl, sizeof(cl));
		EXPECT_STREQ(cl, pl);
		EXPECT_EQ(c->file_bytes, p->file_bytes);
		EXPECT_EQ(c->kind, p->kind);
	}
	destroy_both(parent, child);
}

KTEST(fork, shares_every_present_frame_with_one_more_reference)
{
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	paddr_t frame[PARENT_RESIDENT];
	unsigned refs[PARENT_RESIDENT];
	for (unsigned i = 0; i < PARENT_RESIDENT; i++) {
		frame[i] = vmtest_frame(parent, touched[i].va);
		refs[i] = pmm_frame_refcount(frame[i]);
	}
	EXPECT_EQ(refs[0], 1);  /* anonymous */
	EXPECT_EQ(refs[2], 2);  /* the page cache's and the mapping's */
	EXPECT_EQ(refs[3], 1);  /* a private copy */

	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);
	for (unsigned i = 0; i < PARENT_RESIDENT; i++) {
		EXPECT_EQ(vmtest_frame(child, touched[i].va), frame[i]);
		EXPECT_EQ(vmtest_frame(parent, touched[i].va), frame[i]);
		EXPECT_EQ(pmm_frame_refcount(frame[i]), refs[i] + 1);
		unsigned pf = 0, cf = 0;
		EXPECT_TRUE(vmm_query(parent->pd, touched[i].va, NULL, &pf));
		EXPECT_TRUE(vmm_query(child->pd, touched[i].va, NULL, &cf));
		EXPECT_EQ(cf, pf);
		/* copy-on-write pages lose their write bit; shared ones keep it */
		EXPECT_EQ(pf, touched[i].cow ? VMM_USER : VMM_USER | VMM_WRITE);
	}
	destroy_both(parent, child);
}

KTEST(fork, first_writer_copies_last_writer_upgrades_in_place)
{
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	paddr_t anon = vmtest_frame(parent, PAGE(ANON, 0));
	paddr_t cached = vmtest_frame(parent, PAGE(PRIV, 0));
	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);
	EXPECT_EQ(pmm_frame_refcount(anon), 2);
	EXPECT_EQ(pmm_frame_refcount(cached), 3);

	/* the parent is still loaded: its TLB must have lost the write bit */
	EXPECT_EQ(poke(PAGE(ANON, 0), 0x1111), 0);
	EXPECT_EQ(poke(PAGE(PRIV, 0), 0x2222), 0);
	EXPECT_NE(vmtest_frame(parent, PAGE(ANON, 0)), anon);
	EXPECT_NE(vmtest_frame(parent, PAGE(PRIV, 0)), cached);
	EXPECT_EQ(pmm_frame_refcount(anon), 1);
	EXPECT_EQ(pmm_frame_refcount(cached), 2);

	as_switch(child);
	EXPECT_EQ(peek(PAGE(ANON, 0)), MARK(0));
	EXPECT_EQ(peek(PAGE(PRIV, 0)), file_word(0));
	EXPECT_EQ(poke(PAGE(ANON, 0), 0x3333), 0);
	EXPECT_EQ(poke(PAGE(PRIV, 0), 0x4444), 0);
	/* alone with the anonymous frame: made writable, not copied */
	EXPECT_EQ(vmtest_frame(child, PAGE(ANON, 0)), anon);
	EXPECT_EQ(pmm_frame_refcount(anon), 1);
	unsigned flags = 0;
	EXPECT_TRUE(vmm_query(child->pd, PAGE(ANON, 0), NULL, &flags));
	EXPECT_EQ(flags, VMM_USER | VMM_WRITE);
	/* the cache still holds its page: copied, the cache's alone again */
	EXPECT_NE(vmtest_frame(child, PAGE(PRIV, 0)), cached);
	EXPECT_EQ(pmm_frame_refcount(cached), 1);
	/* a shared file page is one page for both */
	EXPECT_EQ(poke(PAGE(SHARED, 1), 0x5555), 0);

	as_switch(parent);
	EXPECT_EQ(peek(PAGE(ANON, 0)), 0x1111);
	EXPECT_EQ(peek(PAGE(PRIV, 0)), 0x2222);
	EXPECT_EQ(peek(PAGE(SHARED, 1)), 0x5555);
	as_switch(child);
	EXPECT_EQ(peek(PAGE(ANON, 0)), 0x3333);
	EXPECT_EQ(peek(PAGE(PRIV, 0)), 0x4444);
	destroy_both(parent, child);
}

KTEST(fork, untouched_pages_stay_untouched)
{
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	EXPECT_EQ(parent->resident, PARENT_RESIDENT);
	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);
	EXPECT_EQ(child->resident, PARENT_RESIDENT);
	EXPECT_EQ(parent->resident, PARENT_RESIDENT);
	static const vaddr_t untouched[] = {
		PAGE(ANON, 1), PAGE(ANON, 3), PAGE(PRIV, 2), PAGE(TEXT, 1),
		PAGE(TEXT, 2), PAGE(SHARED, 2),
	};
	for (unsigned i = 0; i < sizeof(untouched) / sizeof(untouched[0]); i++) {
		EXPECT_EQ(vmtest_frame(child, untouched[i]), 0);
		EXPECT_EQ(vmtest_frame(parent, untouched[i]), 0);
	}
	/* a touch in the child is the child's alone */
	as_switch(child);
	EXPECT_EQ(poke(PAGE(ANON, 1), 7), 0);
	EXPECT_EQ(child->resident, PARENT_RESIDENT + 1);
	EXPECT_EQ(parent->resident, PARENT_RESIDENT);
	EXPECT_EQ(vmtest_frame(parent, PAGE(ANON, 1)), 0);
	destroy_both(parent, child);
}

/* Fork, let each side write (so there are copies as well as shared
 * frames), destroy one side, check the other, destroy it: every frame and
 * heap byte is back. */
static void fork_and_destroy(struct ktest *t, bool parent_first)
{
	mm_reclaim();
	size_t frames = pmm_free_count(), heap = kheap_bytes_in_use();
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);
	EXPECT_EQ(poke(PAGE(ANON, 2), 0x1212), 0);  /* the parent copies */
	as_switch(child);
	EXPECT_EQ(poke(PAGE(PRIV, 1), 0x2121), 0);  /* the child copies */

	struct address_space *gone = parent_first ? parent : child;
	struct address_space *left = parent_first ? child : parent;
	as_switch(left);
	as_destroy(gone);
	/* the survivor is the only user of its anonymous and private frames */
	EXPECT_EQ(pmm_frame_refcount(vmtest_frame(left, PAGE(ANON, 0))), 1);
	EXPECT_EQ(pmm_frame_refcount(vmtest_frame(left, PAGE(ANON, 2))), 1);
	EXPECT_EQ(pmm_frame_refcount(vmtest_frame(left, PAGE(PRIV, 1))), 1);
	EXPECT_EQ(pmm_frame_refcount(vmtest_frame(left, PAGE(PRIV, 0))), 2);
	EXPECT_EQ(peek(PAGE(ANON, 0)), MARK(0));
	EXPECT_EQ(peek(PAGE(ANON, 2)), parent_first ? MARK(2) : 0x1212);
	EXPECT_EQ(peek(PAGE(PRIV, 1)), parent_first ? 0x2121 : MARK(11));
	EXPECT_EQ(peek(PAGE(SHARED, 1)), MARK(21));
	fork_done(left);
	mm_reclaim();  /* a slab emptied by the test, as the runner does */
	EXPECT_EQ(pmm_free_count(), frames);
	EXPECT_EQ(kheap_bytes_in_use(), heap);
}

KTEST(fork, destroying_parent_then_child_returns_every_frame)
{
	fork_and_destroy(t, true);
}

KTEST(fork, destroying_child_then_parent_returns_every_frame)
{
	fork_and_destroy(t, false);
}

/* Fork with no memory at all, then with one more frame each time: every
 * failure returns NULL and gives back all it took; the parent, its pages
 * now read-only, still writes them (in place: it is their only user). */
KTEST(fork, out_of_memory_anywhere_returns_null_and_leaks_nothing)
{
	struct address_space *parent = parent_space();
	ASSERT_NOT_NULL(parent);
	paddr_t anon = vmtest_frame(parent, PAGE(ANON, 0));
	paddr_t mine = vmtest_frame(parent, PAGE(PRIV, 1));
	struct hoard *h = hoard_frames(0);
	if (!h)
		fork_done(parent);
	ASSERT_NOT_NULL(h);
	struct address_space *child = NULL;
	int failures = 0;

	while (!child && failures < 256) {
		mm_reclaim();
		size_t frames = pmm_free_count(), heap = kheap_bytes_in_use();
		child = as_fork(parent);
		if (child)
			break;
		mm_reclaim();
		EXPECT_EQ(pmm_free_count(), frames);
		EXPECT_EQ(kheap_bytes_in_use(), heap);
		EXPECT_EQ(pmm_frame_refcount(anon), 1);
		EXPECT_EQ(parent->resident, PARENT_RESIDENT);
		failures++;
		hoard_release_some(h, 1);
	}
	EXPECT_GT(failures, 3);  /* it failed at several different steps */
	if (child) {
		EXPECT_EQ(child->resident, PARENT_RESIDENT);
		as_destroy(child);
	}
	/* the write faults find refcount 1 and need no frame */
	EXPECT_EQ(poke(PAGE(ANON, 0), 0xabcd), 0);
	EXPECT_EQ(poke(PAGE(PRIV, 1), 0xdcba), 0);
	hoard_release(h);
	EXPECT_EQ(vmtest_frame(parent, PAGE(ANON, 0)), anon);
	EXPECT_EQ(vmtest_frame(parent, PAGE(PRIV, 1)), mine);
	EXPECT_EQ(peek(PAGE(ANON, 0)), 0xabcd);
	EXPECT_EQ(peek(PAGE(ANON, 2)), MARK(2));
	EXPECT_EQ(peek(PAGE(PRIV, 1)), 0xdcba);
	EXPECT_EQ(peek(PAGE(SHARED, 1)), MARK(21));
	fork_done(parent);
}

KTEST(fork, stack_and_heap_keep_their_flags_and_labels)
{
	vaddr_t top = USER_STACK_TOP;
	struct vma *stack = vma_create(top - PAGE_SIZE, top, RW, VMA_ANON);
	ASSERT_NOT_NULL(stack);
	stack->flags = VMA_GROWSDOWN;
	stack->label = "[stack]";
	struct address_space *parent = vmtest_space(stack);
	ASSERT_NOT_NULL(parent);
	parent->brk_start = parent->brk = ANON + 100;
	EXPECT_EQ(as_brk(parent, ANON + 2 * PAGE_SIZE), ANON + 2 * PAGE_SIZE);
	EXPECT_EQ(poke(top - 3 * PAGE_SIZE, 0x5757), 0);  /* grows the stack */
	EXPECT_EQ(poke(ANON + PAGE_SIZE, 0x4848), 0);

	struct address_space *child = as_fork(parent);
	if (!child)
		fork_done(parent);
	ASSERT_NOT_NULL(child);
	EXPECT_EQ(child->brk_start, ANON + 100);
	EXPECT_EQ(child->brk, ANON + 2 * PAGE_SIZE);
	struct vma *cs = vma_find(&child->vmas, top - 1);
	ASSERT_NOT_NULL(cs);
	EXPECT_EQ(cs->start, top - 3 * PAGE_SIZE);
	EXPECT_EQ(cs->flags, VMA_GROWSDOWN);
	EXPECT_STREQ(cs->label, "[stack]");
	struct vma *ch = vma_find(&child->vmas, ANON + PAGE_SIZE);
	ASSERT_NOT_NULL(ch);
	EXPECT_STREQ(ch->label, "[heap]");

	/* the child's stack grows on its own, and its heap moves on its own */
	as_switch(child);
	EXPECT_EQ(peek(top - 3 * PAGE_SIZE), 0x5757);
	EXPECT_EQ(poke(top - 5 * PAGE_SIZE, 1), 0);
	EXPECT_EQ(cs->start, top - 5 * PAGE_SIZE);
	EXPECT_EQ(vma_find(&parent->vmas, top - 1)->start, top - 3 * PAGE_SIZE);
	EXPECT_EQ(as_brk(child, ANON + 3 * PAGE_SIZE), ANON + 3 * PAGE_SIZE);
	EXPECT_EQ(ch->end, ANON + 3 * PAGE_SIZE);
	EXPECT_EQ(peek(ANON + PAGE_SIZE), 0x4848);
	EXPECT_EQ(parent->brk, ANON + 2 * PAGE_SIZE);
	destroy_both(parent, child);
}
