/* mm/fault_test.c: every outcome of vm_fault, each from a real access
 * through the user-copy routines. */
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/fault.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"
#include "tests/vmtest.h"

#define BASE 0x08048000u
#define RW (VMA_READ | VMA_WRITE)

/* Three pages of file data: byte i of the file is (i * 7) & 0xff, never
 * zero past the end of the VMAs' file bytes in these tests. */
static uint8_t file_data[3 * PAGE_SIZE];
static struct vm_file test_file = { .path = "/test/file", .data = file_data,
				    .size = sizeof(file_data),
				    .data_size = sizeof(file_data) };

static void fill_file(void)
{
	for (size_t i = 0; i < sizeof(file_data); i++)
		file_data[i] = (uint8_t)(i * 7 + 1);
}

static struct vma *file_vma(vaddr_t start, uint32_t pages, unsigned prot,
			    enum vma_kind kind, uint32_t file_bytes)
{
	struct vma *v = vma_create(start, start + pages * PAGE_SIZE, prot, kind);
	if (v) {
		v->file = &test_file;
		v->file_bytes = file_bytes;
	}
	return v;
}

KTEST(fault, file_page_reads_file_bytes)
{
	fill_file();
	struct address_space *as = vmtest_space(
		file_vma(BASE, 3, VMA_READ | VMA_EXEC, VMA_FILE_SHARED, sizeof(file_data)));
	ASSERT_NOT_NULL(as);
	uint8_t buf[16];
	EXPECT_EQ(copy_from_user(buf, (void *)(BASE + PAGE_SIZE + 100), 16), 0);
	EXPECT_EQ(memcmp(buf, file_data + PAGE_SIZE + 100, 16), 0);
	EXPECT_EQ(pagecache_count(), 1);
	/* a read-only VMA refuses writes: a protection fault */
	EXPECT_EQ(copy_to_user((void *)BASE, buf, 1), -EFAULT);
	EXPECT_EQ(vm_fault(as, BASE, FAULT_WRITE), VM_FAULT_PROT);
	vmtest_done(as);
	EXPECT_EQ(pagecache_count(), 0);
}

KTEST(fault, bytes_past_file_data_read_as_zero)
{
	fill_file();
	/* 5000 bytes of file data: page 1 holds 904 of them, then zeros
	 * (though the file goes on), page 2 is all zeros. */
	struct address_space *as = vmtest_space(
		file_vma(BASE, 3, VMA_READ, VMA_FILE_SHARED, 5000));
	ASSERT_NOT_NULL(as);
	static uint8_t buf[PAGE_SIZE];  /* a page is too much for a kernel stack */
	EXPECT_EQ(copy_from_user(buf, (void *)(BASE + PAGE_SIZE), PAGE_SIZE), 0);
	EXPECT_EQ(memcmp(buf, file_data + PAGE_SIZE, 904), 0);
	size_t nonzero = 0;
	for (size_t i = 904; i < PAGE_SIZE; i++)
		nonzero += buf[i] != 0;
	EXPECT_EQ(nonzero, 0);
	EXPECT_EQ(copy_from_user(buf, (void *)(BASE + 2 * PAGE_SIZE), PAGE_SIZE), 0);
	for (size_t i = 0; i < PAGE_SIZE; i++)
		nonzero += buf[i] != 0;
	EXPECT_EQ(nonzero, 0);
	/* The partial page is a private copy of the cache page; the page
	 * wholly past the file data touches no file page. */
	EXPECT_EQ(pagecache_count(), 1);
	vmtest_done(as);
}

KTEST(fault, text_pages_shared_through_page_cache)
{
	fill_file();
	size_t free_before = pmm_free_count();
	struct address_space *as[3];
	for (int i = 0; i < 3; i++) {
		as[i] = vmtest_space(file_vma(BASE, 3, VMA_READ | VMA_EXEC,
					   VMA_FILE_SHARED, sizeof(file_data)));
		ASSERT_NOT_NULL(as[i]);
		uint8_t b;
		for (int p = 0; p < 3; p++)
			EXPECT_EQ(copy_from_user(&b, (void *)(BASE + p * PAGE_SIZE), 1), 0);
	}
	EXPECT_EQ(pagecache_count(), 3);  /* one frame per page, not per space */
	for (int p = 0; p < 3; p++) {
		paddr_t f = vmtest_frame(as[0], BASE + p * PAGE_SIZE);
		EXPECT_EQ(vmtest_frame(as[1], BASE + p * PAGE_SIZE), f);
		EXPECT_EQ(vmtest_frame(as[2], BASE + p * PAGE_SIZE), f);
		EXPECT_EQ(pmm_frame_refcount(f), 4);  /* cache + three mappings */
	}
	as_switch(NULL);
	for (int i = 0; i < 3; i++)
		as_destroy(as[i]);
	EXPECT_EQ(pagecache_shrink(), 3);
	kheap_shrink();
	EXPECT_EQ(pmm_free_count(), free_before);
}

KTEST(fault, private_write_copies_the_shared_page)
{
	fill_file();
	struct address_space *as = vmtest_space(
		file_vma(BASE, 2, RW, VMA_FILE_PRIVATE, 2 * PAGE_SIZE));
	ASSERT_NOT_NULL(as);
	uint8_t b = 0;
	EXPECT_EQ(copy_from_user(&b, (void *)BASE, 1), 0);
	paddr_t shared = vmtest_frame(as, BASE);
	EXPECT_EQ(pmm_frame_refcount(shared), 2);  /* cache + this mapping */
	b = 0x42;
	EXPECT_EQ(copy_to_user((void *)(BASE + 8), &b, 1), 0);
	paddr_t mine = vmtest_frame(as, BASE);
	EXPECT_NE(mine, shared);
	EXPECT_EQ(pmm_frame_refcount(shared), 1);  /* the cache's alone */
	EXPECT_EQ(pmm_frame_refcount(mine), 1);
	uint8_t buf[16];
	EXPECT_EQ(copy_from_user(buf, (void *)BASE, 16), 0);
	EXPECT_EQ(buf[8], 0x42);
	EXPECT_EQ(memcmp(buf, file_data, 8), 0);   /* the rest was copied */
	EXPECT_EQ(file_data[8], (uint8_t)(8 * 7 + 1));  /* the file is intact */
	/* a first write to an untouched page copies it from the page cache
	 * (so it sees what write() put in the file) */
	EXPECT_EQ(copy_to_user((void *)(BASE + PAGE_SIZE), &b, 1), 0);
	EXPECT_EQ(pagecache_count(), 2);
	vmtest_done(as);
}

/* Two address spaces sharing one anonymous frame read-only, as fork will
 * leave them: the first writer copies, the last one writes in place. */
KTEST(fault, cow_copies_when_shared_and_reuses_when_alone)
{
	struct address_space *a = vmtest_space(vma_create(BASE, BASE + PAGE_SIZE, RW, VMA_ANON));
	ASSERT_NOT_NULL(a);
	struct address_space *b = vmtest_space(vma_create(BASE, BASE + PAGE_SIZE, RW, VMA_ANON));
	ASSERT_NOT_NULL(b);
	paddr_t f = pmm_alloc_frame(PMM_ZERO);
	ASSERT_NE(f, 0);
	pmm_ref_frame(f);
	EXPECT_EQ(vmm_map(a->pd, BASE, f, VMM_USER), 0);
	EXPECT_EQ(vmm_map(b->pd, BASE, f, VMM_USER), 0);
	a->resident++;  /* as a fault would count them (mm/check.h) */
	b->resident++;

	uint32_t x = 7;
	as_switch(a);
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);
	EXPECT_NE(vmtest_frame(a, BASE), f);
	EXPECT_EQ(pmm_frame_refcount(f), 1);
	as_switch(b);
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);
	EXPECT_EQ(vmtest_frame(b, BASE), f);  /* alone now: made writable in place */
	unsigned flags = 0;
	EXPECT_TRUE(vmm_query(b->pd, BASE, NULL, &flags));
	EXPECT_TRUE(flags & VMM_WRITE);
	as_switch(NULL);
	as_destroy(a);
	vmtest_done(b);
}

/* A current address space holding one page of grows-down stack at the top. */
static struct address_space *stack_space(struct vma **v)
{
	*v = vma_create(USER_STACK_TOP - PAGE_SIZE, USER_STACK_TOP, RW, VMA_ANON);
	if (*v)
		(*v)->flags = VMA_GROWSDOWN;
	return vmtest_space(*v);
}

KTEST(fault, stack_grows_down_to_its_limit)
{
	vaddr_t top = USER_STACK_TOP;
	struct vma *v;
	struct address_space *as = stack_space(&v);
	ASSERT_NOT_NULL(as);
	uint32_t x = 1;
	EXPECT_EQ(copy_to_user((void *)(top - 3 * PAGE_SIZE + 4), &x, 4), 0);
	EXPECT_EQ(v->start, top - 3 * PAGE_SIZE);
	EXPECT_EQ(as->resident, 1);  /* growing maps only the touched page */
	/* the last page inside the 8 MiB limit, then the first outside */
	EXPECT_EQ(copy_to_user((void *)(top - USER_STACK_LIMIT), &x, 4), 0);
	EXPECT_EQ(v->start, top - USER_STACK_LIMIT);
	EXPECT_EQ(copy_to_user((void *)(top - USER_STACK_LIMIT - 4), &x, 4), -EFAULT);
	EXPECT_EQ(vm_fault(as, top - USER_STACK_LIMIT - 1, FAULT_WRITE), VM_FAULT_NOMAP);
	vmtest_done(as);
}

KTEST(fault, stack_keeps_guard_gap_above_next_vma)
{
	vaddr_t top = USER_STACK_TOP;
	struct vma *v;
	struct address_space *as = stack_space(&v);
	ASSERT_NOT_NULL(as);
	/* a mapping 2 MiB below the top: the stack may come within
	 * STACK_GUARD_GAP of it, no closer */
	vaddr_t below_end = top - (2u << 20);
	struct vma *other = vma_create(below_end - PAGE_SIZE, below_end, RW, VMA_ANON);
	ASSERT_NOT_NULL(other);
	ASSERT_EQ(as_insert_vma(as, other), 0);
	uint32_t x = 1;
	vaddr_t lowest = below_end + STACK_GUARD_GAP;
	EXPECT_EQ(copy_to_user((void *)lowest, &x, 4), 0);
	EXPECT_EQ(copy_to_user((void *)(lowest - 4), &x, 4), -EFAULT);
	EXPECT_EQ(v->start, lowest);
	vmtest_done(as);
}

KTEST(fault, no_vma_and_unreadable_vma_fail)
{
	struct address_space *as = vmtest_space(
		vma_create(BASE, BASE + PAGE_SIZE, 0, VMA_ANON));  /* PROT_NONE */
	ASSERT_NOT_NULL(as);
	EXPECT_EQ(vm_fault(as, BASE, 0), VM_FAULT_PROT);
	EXPECT_EQ(vm_fault(as, BASE + PAGE_SIZE, 0), VM_FAULT_NOMAP);
	EXPECT_EQ(vm_fault(as, 0, 0), VM_FAULT_NOMAP);
	EXPECT_EQ(vm_fault(as, KERNEL_BASE, 0), VM_FAULT_NOMAP);
	EXPECT_EQ(as->resident, 0);
	vmtest_done(as);
}

/* With every frame taken, a fault reports out-of-memory (the trap then
 * kills the process); the copy returns -EFAULT; the kernel carries on. */
KTEST(fault, no_frame_left_gives_oom)
{
	struct address_space *as = vmtest_space(
		vma_create(BASE, BASE + 4 * PAGE_SIZE, RW, VMA_ANON));
	ASSERT_NOT_NULL(as);
	uint32_t x = 1;
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);  /* page table now exists */
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	EXPECT_EQ(vm_fault(as, BASE + 2 * PAGE_SIZE, FAULT_WRITE), VM_FAULT_OOM);
	EXPECT_EQ(copy_to_user((void *)(BASE + 3 * PAGE_SIZE), &x, 4), -EFAULT);
	EXPECT_EQ(as->resident, 1);
	hoard_release(h);
	EXPECT_EQ(copy_to_user((void *)(BASE + 3 * PAGE_SIZE), &x, 4), 0);
	vmtest_done(as);
}

/* A program that makes its own text writable and writes to it gets a
 * private copy: the page-cache page other processes map stays as it was
 * (text is a private mapping on Linux too). */
KTEST(fault, writing_mprotected_text_does_not_reach_the_page_cache)
{
	fill_file();
	struct address_space *other = vmtest_space(
		file_vma(BASE, 1, VMA_READ | VMA_EXEC, VMA_FILE_PRIVATE, PAGE_SIZE));
	ASSERT_NOT_NULL(other);
	uint8_t b = 0;
	EXPECT_EQ(copy_from_user(&b, (void *)BASE, 1), 0);  /* cache page mapped */
	paddr_t cached = vmtest_frame(other, BASE);
	struct address_space *a = vmtest_space(
		file_vma(BASE, 1, VMA_READ | VMA_EXEC, VMA_FILE_PRIVATE, PAGE_SIZE));
	ASSERT_NOT_NULL(a);
	/* a has not touched the page: its first access is this write */
	ASSERT_EQ(as_protect(a, BASE, BASE + PAGE_SIZE,
			     VMA_READ | VMA_WRITE | VMA_EXEC), 0);
	b = 0xcc;
	EXPECT_EQ(copy_to_user((void *)BASE, &b, 1), 0);
	EXPECT_NE(vmtest_frame(a, BASE), cached);
	as_switch(other);
	EXPECT_EQ(copy_from_user(&b, (void *)BASE, 1), 0);
	EXPECT_EQ(b, file_data[0]);                      /* unchanged for others */
	EXPECT_EQ(vmtest_frame(other, BASE), cached);
	as_switch(NULL);
	as_destroy(a);
	vmtest_done(other);
}
