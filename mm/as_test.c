/* mm/as_test.c: address spaces and the fault path, driven through the
 * user-copy routines (they fault exactly as a user access would). */
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/stat.h"
#include "mm/as.h"
#include "mm/fault.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "tests/ktest.h"
#include "tests/vmtest.h"

#define BASE 0x08048000u

/* An address space with one VMA [start, end), made current. */
static struct address_space *as_with(vaddr_t start, vaddr_t end, unsigned prot,
				     enum vma_kind kind)
{
	return vmtest_space(vma_create(start, end, prot, kind));
}

KTEST(as, same_address_different_frames)
{
	struct address_space *a = as_with(BASE, BASE + PAGE_SIZE,
					  VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(a);
	struct address_space *b = as_with(BASE, BASE + PAGE_SIZE,
					  VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(b);
	uint32_t x = 0xaaaa, y = 0xbbbb, got = 0;

	as_switch(a);
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);
	as_switch(b);
	EXPECT_EQ(copy_to_user((void *)BASE, &y, 4), 0);
	as_switch(a);
	EXPECT_EQ(copy_from_user(&got, (void *)BASE, 4), 0);
	EXPECT_EQ(got, 0xaaaa);
	as_switch(b);
	EXPECT_EQ(copy_from_user(&got, (void *)BASE, 4), 0);
	EXPECT_EQ(got, 0xbbbb);
	EXPECT_NE(vmtest_frame(a, BASE), 0);
	EXPECT_NE(vmtest_frame(a, BASE), vmtest_frame(b, BASE));
	as_switch(NULL);
	as_destroy(a);
	vmtest_done(b);
}

KTEST(as, anonymous_page_arrives_zeroed_on_first_touch)
{
	struct address_space *as = as_with(BASE, BASE + 4 * PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	EXPECT_EQ(as->resident, 0);  /* nothing mapped before a touch */
	EXPECT_EQ(vmtest_frame(as, BASE), 0);
	uint8_t buf[64];
	memset(buf, 0xff, sizeof(buf));
	EXPECT_EQ(copy_from_user(buf, (void *)(BASE + PAGE_SIZE + 10), 64), 0);
	size_t nonzero = 0;
	for (size_t i = 0; i < sizeof(buf); i++)
		nonzero += buf[i] != 0;
	EXPECT_EQ(nonzero, 0);
	EXPECT_EQ(as->resident, 1);
	EXPECT_EQ(as->minor_faults, 1);
	EXPECT_EQ(vmtest_frame(as, BASE), 0);  /* only the touched page */
	vmtest_done(as);
}

KTEST(as, teardown_returns_every_frame)
{
	size_t before = pmm_free_count();
	struct address_space *as = as_with(BASE, BASE + 64 * PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	static uint8_t page[PAGE_SIZE];
	for (int i = 0; i < 64; i += 3)
		EXPECT_EQ(copy_to_user((void *)(BASE + i * PAGE_SIZE), page, 100), 0);
	EXPECT_EQ(as->resident, 22);
	EXPECT_LT(pmm_free_count(), before - 22);  /* + directory and table */
	vmtest_done(as);
	EXPECT_EQ(pmm_free_count(), before);
}

KTEST(as, unmap_cuts_vmas_and_releases_pages)
{
	size_t before = pmm_free_count();
	struct address_space *as = as_with(BASE, BASE + 8 * PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	uint32_t x = 1;
	for (int i = 0; i < 8; i++)
		EXPECT_EQ(copy_to_user((void *)(BASE + i * PAGE_SIZE), &x, 4), 0);
	EXPECT_EQ(as_unmap(as, BASE + 2 * PAGE_SIZE, BASE + 5 * PAGE_SIZE), 0);
	EXPECT_EQ(as->resident, 5);
	EXPECT_EQ(as->vmas.count, 2);
	EXPECT_EQ(copy_to_user((void *)(BASE + 3 * PAGE_SIZE), &x, 4), -EFAULT);
	EXPECT_EQ(copy_to_user((void *)(BASE + 5 * PAGE_SIZE), &x, 4), 0);
	EXPECT_EQ(as_unmap(as, BASE + 1, BASE + PAGE_SIZE), -EINVAL);
	vmtest_done(as);
	EXPECT_EQ(pmm_free_count(), before);
}

KTEST(as, copy_routines_refuse_bad_ranges)
{
	struct address_space *as = as_with(BASE, BASE + PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	char buf[16];
	/* kernel addresses */
	EXPECT_EQ(copy_from_user(buf, (void *)KERNEL_BASE, 4), -EFAULT);
	EXPECT_EQ(copy_to_user((void *)0xc0100000, buf, 4), -EFAULT);
	/* a range that starts in user space and ends in the kernel */
	EXPECT_EQ(copy_from_user(buf, (void *)(USER_TOP - 2), 4), -EFAULT);
	/* a range that wraps around the top of the address space */
	EXPECT_EQ(copy_from_user(buf, (void *)BASE, 0xfffffff0u), -EFAULT);
	/* unmapped user addresses, NULL included */
	EXPECT_EQ(copy_from_user(buf, NULL, 4), -EFAULT);
	EXPECT_EQ(copy_to_user((void *)(BASE + PAGE_SIZE), buf, 4), -EFAULT);
	/* straddling the end of the VMA: fails, first part written */
	EXPECT_EQ(copy_to_user((void *)(BASE + PAGE_SIZE - 2), buf, 4), -EFAULT);
	EXPECT_EQ(copy_from_user(buf, (void *)BASE, 0), 0);
	vmtest_done(as);
}

KTEST(as, user_cmpxchg32_stores_only_on_a_match)
{
	struct address_space *as = as_with(BASE, BASE + PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	struct address_space *ro = as_with(BASE, BASE + PAGE_SIZE, VMA_READ,
					   VMA_ANON);
	ASSERT_NOT_NULL(ro);
	uint32_t *w = (uint32_t *)(BASE + 8), cur = 1, got = 0;
	as_switch(as);
	/* the first touch is a write fault, resolved: a zeroed page */
	EXPECT_EQ(user_cmpxchg32(w, 0, 5, &cur), 0);
	EXPECT_EQ(cur, 0);
	EXPECT_EQ(as->resident, 1);
	EXPECT_EQ(user_cmpxchg32(w, 0, 7, &cur), 0);  /* no match: no store */
	EXPECT_EQ(cur, 5);
	EXPECT_EQ(copy_from_user(&got, w, 4), 0);
	EXPECT_EQ(got, 5);
	EXPECT_EQ(user_cmpxchg32(w, 5, 9, &cur), 0);
	EXPECT_EQ(copy_from_user(&got, w, 4), 0);
	EXPECT_EQ(got, 9);
	cur = 1;
	EXPECT_EQ(user_cmpxchg32((uint32_t *)(BASE + 2), 0, 1, &cur), -EINVAL);
	EXPECT_EQ(user_cmpxchg32((uint32_t *)(BASE + PAGE_SIZE), 0, 1, &cur),
		  -EFAULT);
	EXPECT_EQ(user_cmpxchg32((uint32_t *)KERNEL_BASE, 0, 1, &cur), -EFAULT);
	EXPECT_EQ(user_cmpxchg32((uint32_t *)(USER_TOP - 4), 0, 1, &cur),
		  -EFAULT);
	EXPECT_EQ(cur, 1);  /* untouched by every failure */
	/* a read-only page cannot be written, even with the value it holds */
	as_switch(ro);
	EXPECT_EQ(user_cmpxchg32(w, 0, 0, &cur), -EFAULT);
	as_switch(NULL);
	as_destroy(ro);
	vmtest_done(as);
}

KTEST(as, strncpy_from_user_bounds)
{
	struct address_space *as = as_with(BASE, BASE + PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	char buf[8];
	EXPECT_EQ(copy_to_user((void *)BASE, "hello", 6), 0);
	EXPECT_EQ(strncpy_from_user(buf, (void *)BASE, sizeof(buf)), 5);
	EXPECT_STREQ(buf, "hello");
	EXPECT_EQ(strncpy_from_user(buf, (void *)BASE, 5), -ENAMETOOLONG);
	EXPECT_EQ(strncpy_from_user(buf, (void *)BASE, 6), 5);
	/* a string running off the end of the VMA */
	static char fill[PAGE_SIZE];
	memset(fill, 'x', sizeof(fill));
	EXPECT_EQ(copy_to_user((void *)BASE, fill, PAGE_SIZE), 0);
	char big[32];
	EXPECT_EQ(strncpy_from_user(big, (void *)(BASE + PAGE_SIZE - 4), 32),
		  -EFAULT);
	EXPECT_EQ(strncpy_from_user(big, (void *)KERNEL_BASE, 32), -EFAULT);
	vmtest_done(as);
}

/* The maps view: one line per VMA exactly as Linux's /proc/PID/maps. */
static char maps_line[AS_VMA_LINE_MAX];

static const char *maps(vaddr_t start, vaddr_t end, unsigned prot,
			enum vma_kind kind)
{
	struct vma v = { .start = start, .end = end, .prot = prot,
			 .kind = kind };
	as_format_vma(&v, maps_line, sizeof(maps_line));
	return maps_line;
}

KTEST(as, maps_line_of_anonymous_vma)
{
	struct vma v = { .start = BASE, .end = BASE + 2 * PAGE_SIZE,
			 .prot = VMA_READ | VMA_WRITE, .kind = VMA_ANON };
	EXPECT_EQ(as_format_vma(&v, maps_line, sizeof(maps_line)), 39);
	EXPECT_STREQ(maps_line, "08048000-0804a000 rw-p 00000000 00:00 0");
	/* the protection letters, each on its own */
	EXPECT_STREQ(maps(0x1000, 0x2000, 0, VMA_ANON),
		     "00001000-00002000 ---p 00000000 00:00 0");
	EXPECT_STREQ(maps(0x1000, 0x2000, VMA_READ, VMA_ANON),
		     "00001000-00002000 r--p 00000000 00:00 0");
	EXPECT_STREQ(maps(0x1000, 0x2000, VMA_WRITE, VMA_ANON),
		     "00001000-00002000 -w-p 00000000 00:00 0");
	EXPECT_STREQ(maps(0x1000, 0x2000, VMA_EXEC, VMA_ANON),
		     "00001000-00002000 --xp 00000000 00:00 0");
	EXPECT_STREQ(maps(0xbffff000, 0xc0000000,
			  VMA_READ | VMA_WRITE | VMA_EXEC, VMA_ANON),
		     "bffff000-c0000000 rwxp 00000000 00:00 0");
}

/* Linux (fs/proc/task_mmu.c) pads to 25 + sizeof(void *) * 6 - 1 columns
 * and adds one space: the name starts at column 49 on 32-bit x86. */
KTEST(as, maps_line_names_labelled_vmas_at_column_49)
{
	struct vma heap = { .start = 0x0804b000, .end = 0x0804d000,
			    .prot = VMA_READ | VMA_WRITE, .kind = VMA_ANON,
			    .label = "[heap]" };
	struct vma stack = { .start = 0xbffdf000, .end = USER_TOP,
			     .prot = VMA_READ | VMA_WRITE, .kind = VMA_ANON,
			     .flags = VMA_GROWSDOWN, .label = "[stack]" };

	EXPECT_EQ(as_format_vma(&heap, maps_line, sizeof(maps_line)), 49 + 6);
	EXPECT_STREQ(maps_line, "0804b000-0804d000 rw-p 00000000 00:00 0"
				"          [heap]");
	EXPECT_EQ(strlen(maps_line), 55);
	EXPECT_EQ(maps_line[48], ' ');
	EXPECT_EQ(maps_line[49], '[');
	as_format_vma(&stack, maps_line, sizeof(maps_line));
	EXPECT_STREQ(maps_line, "bffdf000-c0000000 rw-p 00000000 00:00 0"
				"          [stack]");
}

KTEST(as, maps_line_of_file_vmas)
{
	struct vm_file file = { .path = "/bin/hello", .dev = MKDEV(0, 1),
				.ino = 42 };  /* the name still starts at 49 */
	struct vma text = { .start = BASE, .end = BASE + PAGE_SIZE,
			    .prot = VMA_READ | VMA_EXEC,
			    .kind = VMA_FILE_SHARED, .file = &file };
	struct vma data = { .start = BASE + PAGE_SIZE,
			    .end = BASE + 3 * PAGE_SIZE,
			    .prot = VMA_READ | VMA_WRITE,
			    .kind = VMA_FILE_PRIVATE, .file = &file,
			    .file_offset = 0x1000, .file_bytes = 0x1234 };

	as_format_vma(&text, maps_line, sizeof(maps_line));
	EXPECT_STREQ(maps_line, "08048000-08049000 r-xs 00000000 00:01 42"
				"         /bin/hello");
	EXPECT_EQ(as_format_vma(&data, maps_line, sizeof(maps_line)), 59);
	EXPECT_STREQ(maps_line, "08049000-0804b000 rw-p 00001000 00:01 42"
				"         /bin/hello");
	data.label = "[heap]";  /* a label wins over the file's name */
	as_format_vma(&data, maps_line, sizeof(maps_line));
	EXPECT_STREQ(maps_line, "08049000-0804b000 rw-p 00001000 00:01 42"
				"         [heap]");
}

KTEST(as, maps_line_truncates_like_snprintf)
{
	struct vm_file file = { .path = "/bin/hello" };
	struct vma v = { .start = BASE, .end = BASE + PAGE_SIZE,
			 .prot = VMA_READ, .kind = VMA_FILE_PRIVATE,
			 .file = &file, .file_offset = 0x2000 };
	char small[52];

	memset(small, 'x', sizeof(small));
	EXPECT_EQ(as_format_vma(&v, small, sizeof(small)), 59);
	EXPECT_STREQ(small, "08048000-08049000 r--p 00002000 00:00 0"
			    "          /b");
	memset(small, 'x', sizeof(small));
	EXPECT_EQ(as_format_vma(&v, small, 20), 59);
	EXPECT_STREQ(small, "08048000-08049000 r");
	size_t untouched = 0;  /* nothing written past size */
	for (size_t i = 20; i < sizeof(small); i++)
		untouched += small[i] == 'x';
	EXPECT_EQ(untouched, sizeof(small) - 20);
}

/* mprotect: protections change per page range, VMAs split at the edges,
 * contents survive PROT_NONE, and a range with a hole is refused whole. */
KTEST(as, protect_changes_access_and_keeps_contents)
{
	struct address_space *as = as_with(BASE, BASE + 4 * PAGE_SIZE,
					   VMA_READ | VMA_WRITE, VMA_ANON);
	ASSERT_NOT_NULL(as);
	uint32_t x = 0x1234, got = 0;
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(copy_to_user((void *)(BASE + i * PAGE_SIZE), &x, 4), 0);
	EXPECT_EQ(as_protect(as, BASE + PAGE_SIZE, BASE + 2 * PAGE_SIZE, VMA_READ), 0);
	EXPECT_EQ(as->vmas.count, 3);
	EXPECT_EQ(copy_to_user((void *)(BASE + PAGE_SIZE), &x, 4), -EFAULT);
	EXPECT_EQ(copy_from_user(&got, (void *)(BASE + PAGE_SIZE), 4), 0);
	EXPECT_EQ(got, 0x1234);
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);  /* neighbours untouched */
	EXPECT_EQ(as_protect(as, BASE + 2 * PAGE_SIZE, BASE + 3 * PAGE_SIZE, 0), 0);
	/* PROT_NONE: the page stays, but user mode may not touch it (the
	 * kernel's own copies still can: see docs/fault.md) */
	unsigned flags = 0;
	EXPECT_TRUE(vmm_query(as->pd, BASE + 2 * PAGE_SIZE, NULL, &flags));
	EXPECT_FALSE(flags & VMM_USER);
	EXPECT_EQ(vm_fault(as, BASE + 2 * PAGE_SIZE, FAULT_PRESENT), VM_FAULT_PROT);
	EXPECT_EQ(as_protect(as, BASE, BASE + 4 * PAGE_SIZE, VMA_READ | VMA_WRITE), 0);
	got = 0;
	EXPECT_EQ(copy_from_user(&got, (void *)(BASE + 2 * PAGE_SIZE), 4), 0);
	EXPECT_EQ(got, 0x1234);  /* PROT_NONE kept the page */
	EXPECT_EQ(copy_to_user((void *)(BASE + PAGE_SIZE), &x, 4), 0);
	/* a hole in the range: nothing changes */
	EXPECT_EQ(as_protect(as, BASE, BASE + 5 * PAGE_SIZE, VMA_READ), -ENOMEM);
	EXPECT_EQ(copy_to_user((void *)BASE, &x, 4), 0);
	vmtest_done(as);
}

/* The page-level interface: map, query, unmap, with the reference passing
 * back to the caller. */
KTEST(as, vmm_map_query_unmap_one_page)
{
	struct address_space *as = as_create();
	ASSERT_NOT_NULL(as);
	paddr_t f = pmm_alloc_frame(PMM_ZERO), got = 0;
	ASSERT_NE(f, 0);
	unsigned flags = 0;
	EXPECT_FALSE(vmm_query(as->pd, BASE, NULL, NULL));
	ASSERT_EQ(vmm_map(as->pd, BASE, f, VMM_USER | VMM_WRITE), 0);
	EXPECT_TRUE(vmm_query(as->pd, BASE, &got, &flags));
	EXPECT_EQ(got, f);
	EXPECT_EQ(flags, VMM_USER | VMM_WRITE);
	EXPECT_EQ(vmm_unmap(as->pd, BASE), f);
	EXPECT_FALSE(vmm_query(as->pd, BASE, NULL, NULL));
	EXPECT_EQ(vmm_unmap(as->pd, BASE), 0);
	EXPECT_EQ(pmm_frame_refcount(f), 1);  /* the mapping's reference is ours */
	pmm_free_frame(f);
	as_destroy(as);
}
