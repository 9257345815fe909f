/* mm/mmap_test.c: mmap from the inside: where mappings go, overcommit,
 * shared anonymous memory through fork, every frame back after munmap of
 * 64 MiB, one file page as one frame for exec, read and mmap, and
 * user/mmaptest and user/mmapfile (the calls as a program sees them),
 * including running out of memory halfway through touching a mapping. */
#include "exec/exec.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/console.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "kernel/uapi/signal.h"
#include "mm/fault.h"
#include "mm/kheap.h"
#include "mm/mmap.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"
#include "tests/uprog.h"
#include "tests/vmtest.h"

#define RW (PROT_READ | PROT_WRITE)
#define PRIV (MAP_PRIVATE | MAP_ANONYMOUS)
#define SHARED (MAP_SHARED | MAP_ANONYMOUS)

static struct uprog_result res;  /* 4 KiB: not on the stack */

/* An empty current address space (vmtest_space wants a VMA: one page far
 * below the mmap area, which it leaves alone). */
static struct address_space *empty_space(void)
{
	return vmtest_space(vma_create(0x08048000u, 0x08049000u,
				       VMA_READ, VMA_ANON));
}

KTEST(mmap, mappings_go_down_from_mmap_base)
{
	struct address_space *as = empty_space();
	ASSERT_NOT_NULL(as);
	long a = mm_mmap_anon(as, 0, 3 * PAGE_SIZE, RW, PRIV, 0);
	EXPECT_EQ(a, (long)(MMAP_BASE - 3 * PAGE_SIZE));
	long b = mm_mmap_anon(as, 0, PAGE_SIZE, PROT_READ, PRIV, 0);
	EXPECT_EQ(b, a - (long)PAGE_SIZE);
	/* A free hint is taken; a used one is not; one below the minimum
	 * address is raised to it. */
	EXPECT_EQ(mm_mmap_anon(as, 0x50000000u, PAGE_SIZE, RW, PRIV, 0),
		  0x50000000);
	EXPECT_EQ(mm_mmap_anon(as, 0x50000000u, PAGE_SIZE, RW, PRIV, 0),
		  b - (long)PAGE_SIZE);
	EXPECT_EQ(mm_mmap_anon(as, 0x1000, PAGE_SIZE, RW, PRIV, 0),
		  (long)MMAP_MIN_ADDR);
	EXPECT_EQ(mm_mmap_anon(as, 0x1000, PAGE_SIZE, RW, PRIV | MAP_FIXED, 0),
		  -EPERM);
	EXPECT_EQ(mm_mmap_anon(as, (vaddr_t)a, PAGE_SIZE, RW,
			       PRIV | MAP_FIXED_NOREPLACE, 0), -EEXIST);
	/* Two alike neighbours are one VMA, as Linux shows them. */
	struct vma *v = vma_find(&as->vmas, (vaddr_t)a);
	ASSERT_NOT_NULL(v);
	EXPECT_EQ(v->start, (vaddr_t)a);
	EXPECT_EQ(mm_mmap_anon(as, (vaddr_t)a - PAGE_SIZE, PAGE_SIZE, RW,
			       PRIV | MAP_FIXED, 0), b);
	/* ...and with the read-write page below it: one VMA of five pages. */
	EXPECT_EQ(vma_find(&as->vmas, (vaddr_t)a)->start, (vaddr_t)b - PAGE_SIZE);
	vmtest_done(as);
}

KTEST(mmap, overcommit_refuses_more_than_ram_unless_noreserve)
{
	struct address_space *as = empty_space();
	ASSERT_NOT_NULL(as);
	uint32_t huge = (uint32_t)(pmm_total_count() + 1) * PAGE_SIZE;
	if (huge > (1u << 30) || huge < pmm_total_count())
		huge = 0;  /* a 3 GiB machine: nothing can be too big */
	if (huge) {
		EXPECT_EQ(mm_mmap_anon(as, 0, huge, RW, PRIV, 0), -ENOMEM);
		EXPECT_EQ(mm_mmap_anon(as, 0, huge, RW, SHARED, 0), -ENOMEM);
		EXPECT_FALSE(mm_is_err(mm_mmap_anon(as, 0, huge, RW,
						    PRIV | MAP_NORESERVE, 0)));
		EXPECT_FALSE(mm_is_err(mm_mmap_anon(as, 0, huge, PROT_READ,
						    PRIV, 0)));
	}
	/* More than the address space holds is ENOMEM for any mapping. */
	EXPECT_EQ(mm_mmap_anon(as, 0, 0xf0000000u, PROT_READ, PRIV, 0), -ENOMEM);
	vmtest_done(as);
}

/* Touch every page of [start, start + size) for writing. */
static bool touch_all(struct address_space *as, vaddr_t start, uint32_t size)
{
	for (uint32_t off = 0; off < size; off += PAGE_SIZE)
		if (vm_fault(as, start + off, FAULT_WRITE) != VM_FAULT_OK)
			return false;
	return true;
}

/* 64 MiB (a quarter of free memory on a small machine) mapped, every page
 * touched: each costs a frame; munmap gives every one back, page tables
 * included. */
KTEST(mmap, munmap_gives_back_every_frame)
{
	struct address_space *as = empty_space();
	ASSERT_NOT_NULL(as);
	uint32_t size = 64u << 20;
	if (size / PAGE_SIZE > pmm_free_count() / 4)
		size = (uint32_t)(pmm_free_count() / 4) * PAGE_SIZE;
	mm_reclaim();
	size_t before = pmm_free_count();
	long a = mm_mmap_anon(as, 0, size, RW, PRIV, 0);
	ASSERT_FALSE(mm_is_err(a));
	EXPECT_TRUE(touch_all(as, (vaddr_t)a, size));
	EXPECT_GE(before - pmm_free_count(), size / PAGE_SIZE);
	EXPECT_EQ(as->resident, size / PAGE_SIZE);
	/* Cut in three first: the split parts still hold every frame. */
	uint32_t third = PAGE_ROUND_DOWN(size / 3);
	EXPECT_EQ(as_unmap(as, (vaddr_t)a + third, (vaddr_t)a + 2 * third), 0);
	EXPECT_EQ(as->resident, size / PAGE_SIZE - third / PAGE_SIZE);
	EXPECT_EQ(as_unmap(as, (vaddr_t)a, (vaddr_t)a + size), 0);
	EXPECT_EQ(as->resident, 0);
	mm_reclaim();
	EXPECT_EQ(pmm_free_count(), before);
	vmtest_done(as);
}

/* A MAP_SHARED|MAP_ANONYMOUS region: fork shares its frames instead of
 * copying them, a page first touched by the child is the parent's too, and
 * the frames stay until the last VMA referring to the object goes. */
KTEST(mmap, shared_anonymous_frames_outlive_one_side)
{
	mm_reclaim();
	size_t before = pmm_free_count();
	struct address_space *as = empty_space();
	ASSERT_NOT_NULL(as);
	long a = mm_mmap_anon(as, 0, 4 * PAGE_SIZE, RW, SHARED, 0);
	ASSERT_FALSE(mm_is_err(a));
	ASSERT_EQ(vm_fault(as, (vaddr_t)a, FAULT_WRITE), VM_FAULT_OK);
	struct address_space *child = as_fork(as);
	ASSERT_NOT_NULL(child);
	EXPECT_EQ(vmtest_frame(child, (vaddr_t)a), vmtest_frame(as, (vaddr_t)a));
	vaddr_t p2 = (vaddr_t)a + 2 * PAGE_SIZE;
	EXPECT_EQ(vm_fault(child, p2, FAULT_WRITE), VM_FAULT_OK);
	EXPECT_EQ(vm_fault(as, p2, 0), VM_FAULT_OK);
	EXPECT_EQ(vmtest_frame(child, p2), vmtest_frame(as, p2));
	/* The parent's write after fork goes to the same frame, writable. */
	unsigned flags = 0;
	EXPECT_EQ(vm_fault(as, (vaddr_t)a, FAULT_WRITE | FAULT_PRESENT),
		  VM_FAULT_OK);
	vmm_query(as->pd, (vaddr_t)a, NULL, &flags);
	EXPECT_TRUE(flags & VMM_WRITE);
	EXPECT_EQ(vmtest_frame(child, (vaddr_t)a), vmtest_frame(as, (vaddr_t)a));
	EXPECT_EQ(as_unmap(as, (vaddr_t)a, (vaddr_t)a + 4 * PAGE_SIZE), 0);
	EXPECT_EQ(pmm_frame_refcount(vmtest_frame(child, p2)), 2);  /* + object */
	as_destroy(child);
	vmtest_done(as);
	EXPECT_EQ(pmm_free_count(), before);
}

KTEST(mmap, calls_behave_as_linux_from_a_program)
{
	uprog_run_ktap(t, "/bin/mmaptest",
		       (const char *const[]){ "mmaptest", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}

/* 64 MiB touched from user space: it works where memory allows, and
 * where it does not (-m 8M) the out-of-memory fault kills the program. */
KTEST(mmap, sixty_four_mib_touched_and_unmapped)
{
	bool fits = pmm_free_count() > (64u << 20) / PAGE_SIZE + 1024;
	uprog_run("/bin/mmaptest", (const char *const[]){ "mmaptest", "big", NULL },
		  &res);
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, fits ? WAIT_EXITED(0) : WAIT_SIGNALED(SIGKILL));
	if (t->failures)
		uprog_show(&res);
}

/* Out of memory while touching a mapping kills that process only, and
 * everything it had comes back (the runner counts). */
KTEST(mmap, out_of_memory_while_touching_kills_only_that_process)
{
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	hoard_release_some(h, 64);
	uprog_run("/bin/mmaptest", (const char *const[]){ "mmaptest", "big", NULL },
		  &res);
	EXPECT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_SIGNALED(SIGKILL));
	hoard_release(h);
	uprog_run("/bin/exit42", (const char *const[]){ "exit42", NULL }, &res);
	EXPECT_EQ(res.status, WAIT_EXITED(42));
}

KTEST(mmap, file_mappings_behave_as_linux_from_a_program)
{
	uprog_run_ktap(t, "/bin/mmapfile",
		       (const char *const[]){ "mmapfile", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}

/* user/framecheck asks pagoda_frame() (pagoda's own call) which frame
 * backs its text page and a mapping of its own file: the same one. */
KTEST(mmap, a_program_sees_its_text_and_a_mapping_share_a_frame)
{
	uprog_run("/bin/framecheck", (const char *const[]){ "framecheck", NULL }, &res);
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	EXPECT_NULL(strstr(res.out, "SKIP"));
	if (t->failures)
		uprog_show(&res);
}

static char path_buf[PATH_MAX];  /* walk() wants a PATH_MAX buffer */

/* The frame a read fault at va of as maps, or 0. */
static paddr_t faulted_frame(struct address_space *as, vaddr_t va)
{
	if (vm_fault(as, va, 0) != VM_FAULT_OK)
		return 0;
	return vmtest_frame(as, va);
}

/* One file page reached three ways (the text of a program being exec'd,
 * a private and a shared mmap in two more address spaces, and read(),
 * which copies from the page cache) is one frame: the cache's, with one
 * reference per mapping. Each mapping shows the file's name, offset,
 * device and inode. */
KTEST(mmap, one_file_page_is_one_frame_for_exec_read_and_mmap)
{
	static const char *const argv[] = { "hello", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image img;
	struct walk w;
	memcpy(path_buf, "/bin/hello", sizeof("/bin/hello"));
	ASSERT_EQ(walk(fs_root, path_buf, WALK_FOLLOW, &w), 0);
	ASSERT_EQ(exec_prepare("/bin/hello", &args, &img), 0);
	struct vma *text = vma_first(&img.as->vmas);
	while (text && !(text->prot & VMA_EXEC))
		text = vma_next(text);
	ASSERT_NOT_NULL(text);
	uint32_t index = text->file_offset / PAGE_SIZE;
	size_t cached = pagecache_count();
	paddr_t f_exec = faulted_frame(img.as, text->start);

	struct mmap_file mf = { &w.inode->vmf, true, false };
	struct address_space *a = empty_space(), *b = a ? empty_space() : NULL;
	ASSERT_NOT_NULL(b);
	long pa = mm_mmap(a, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, &mf, index);
	long pb = mm_mmap(b, 0, PAGE_SIZE, PROT_READ, MAP_SHARED, &mf, index);
	EXPECT_FALSE(mm_is_err(pa) || mm_is_err(pb));
	paddr_t f_a = faulted_frame(a, (vaddr_t)pa), f_b = faulted_frame(b, (vaddr_t)pb);
	paddr_t f_read = pagecache_get(&w.inode->vmf, index);  /* what read() copies */
	EXPECT_NE(f_exec, 0);
	EXPECT_EQ(f_a, f_exec);
	EXPECT_EQ(f_b, f_exec);
	EXPECT_EQ(f_read, f_exec);
	EXPECT_LE(pagecache_count(), cached + 1);  /* one page, if any, joined */
	EXPECT_EQ(pmm_frame_refcount(f_exec), 5);  /* cache, 3 maps, read's */
	if (f_read)
		pmm_free_frame(f_read);

	char line[AS_VMA_LINE_MAX], want[64];
	as_format_vma(vma_find(&b->vmas, (vaddr_t)pb), line, sizeof(line));
	ksnprintf(want, sizeof(want), "%08x-%08x r--s %08x 00:01 %u ", (vaddr_t)pb,
		  (vaddr_t)pb + PAGE_SIZE, index * PAGE_SIZE, w.inode->ino);
	EXPECT_EQ(strncmp(line, want, strlen(want)), 0);
	EXPECT_NOT_NULL(strstr(line, " /bin/hello"));
	if (t->failures)
		pr_info("# %s\n", line);
	as_switch(NULL);
	as_destroy(a);
	vmtest_done(b);
	exec_abandon(&img);
	walk_done(&w);
	pagecache_shrink();
}

/* 16 running copies of one program (256 KiB of text, every page read)
 * cost far less than 16 texts: the text's frames are the page cache's,
 * mapped into each copy (user/textshare reads MemFree around them). */
KTEST(mmap, sixteen_running_copies_hold_their_text_once)
{
	uprog_run_ktap(t, "/bin/textshare",
		       (const char *const[]){ "/bin/textshare", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}
