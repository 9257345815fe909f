/* exec/exec_test.c: exec from the outside: the ELF corpus with its
 * expected errnos, laziness, sharing, the argument limits, and real user
 * programs that check their own image, stack and auxv. */
#include "exec/elf.h"
#include "exec/exec.h"
#include "exec/initrd.h"
#include "kernel/console.h"
#include "kernel/lib/errname.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/uapi/auxv.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/signal.h"
#include "mm/as.h"
#include "mm/failinject.h"
#include "mm/fault.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "tests/hoard.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

static void run(const char *path, const char *const *argv)
{
	uprog_run(path, argv, &res);
}

#define ELFGEN_ENTRY 0x08048200u  /* the corpus programs' entry */

#define ARGV(...) ((const char *const[]){ __VA_ARGS__, NULL })

KTEST(exec, missing_file_gives_enoent)
{
	run("/bin/no-such-program", ARGV("x"));
	EXPECT_EQ(res.err, -ENOENT);
	run("", ARGV("x"));
	EXPECT_EQ(res.err, -ENOENT);
}

KTEST(exec, directory_gives_eacces)
{
	ASSERT_NOT_NULL(boot_initrd);
	ASSERT_NOT_NULL(initrd_lookup(boot_initrd, "/bin"));
	run("/bin", ARGV("bin"));
	EXPECT_EQ(res.err, -EACCES);
}

KTEST(exec, exit_status_reaches_the_parent)
{
	run("/bin/exit42", ARGV("exit42"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(42));
	EXPECT_EQ(proc_count(), 0);
}

KTEST(exec, hello_writes_to_stdout)
{
	run("/bin/hello", ARGV("hello"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_STREQ(res.out, "hello, world\n");
}

/* Typed on the console in canonical mode: the first Ctrl-D pushes "world"
 * without a newline, the second, at the start of a line, is end of file.
 * The echo is captured, or it would land in the KTAP stream. */
KTEST(exec, stdin_reaches_the_program_until_eof)
{
	char echo[32];
	struct console_echo_capture cap = { echo, sizeof(echo), 0 };
	console_capture_echo(&cap);
	console_inject("hello\nworld\x04\x04", 13);
	console_capture_echo(NULL);
	EXPECT_STREQ(echo, "hello\nworld");
	run("/bin/cat", ARGV("cat"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_STREQ(res.out, "hello\nworld");
}

/* The program checks argc, argv, envp, auxv, alignment and the registers
 * at entry itself, and prints KTAP; we fold its verdict in here. */
KTEST(exec, stack_and_auxv_are_laid_out_as_linux)
{
	run("/bin/stackcheck", ARGV("/bin/stackcheck", "a", "b c", ""));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	if (t->failures)
		uprog_show(&res);
}

KTEST(exec, data_and_bss_start_right)
{
	run("/bin/memcheck", ARGV("memcheck"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	if (t->failures)
		uprog_show(&res);
}

KTEST(exec, writing_text_kills_only_the_writer)
{
	run("/bin/textwrite", ARGV("textwrite"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_SIGNALED(SIGSEGV) | WCOREFLAG);  /* core-dumping */
	run("/bin/nullread", ARGV("nullread"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_SIGNALED(SIGSEGV) | WCOREFLAG);  /* core-dumping */
	run("/bin/exit42", ARGV("exit42"));  /* and the kernel carries on */
	EXPECT_EQ(res.status, WAIT_EXITED(42));
}

KTEST(exec, stack_grows_to_its_limit_and_no_further)
{
	run("/bin/stackgrow", ARGV("stackgrow", "1024"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	/* One touch 8100 KiB down is inside the 8 MiB limit, 8300 KiB is
	 * past it; neither needs more than a page of memory. */
	run("/bin/stackprobe", ARGV("stackprobe", "8100"));
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	run("/bin/stackprobe", ARGV("stackprobe", "8300"));
	EXPECT_EQ(res.status, WAIT_SIGNALED(SIGSEGV) | WCOREFLAG);  /* core-dumping */
}

/* Frames left free for the out-of-memory case. Measured (the same at -m
 * 8M, 128M and 3G, as only lowmem is given back): exec needs 6 frames (page
 * directory, the stack's page table and first page, the kernel stack, heap
 * slabs); exit42 runs to its end with 11 (a text page table, text and data
 * pages as it touches them); stackgrow 16 with 16. Growing 4 MiB of stack
 * needs more than 1024. 48 leaves the start three times its need and the
 * growth far out of reach. */
#define OOM_BUDGET 48

/* Out of memory in a user fault kills that process with SIGKILL, and only
 * it: the kernel and the next program carry on. */
KTEST(exec, out_of_memory_kills_only_the_faulting_process)
{
	/* hoard_frames takes high frames first, so the last taken, which
	 * hoard_release_some gives back, are lowmem: what page tables and
	 * kernel stacks need (PMM_LOWMEM). */
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	EXPECT_EQ(hoard_release_some(h, OOM_BUDGET), OOM_BUDGET);
	EXPECT_EQ(pmm_free_count(), OOM_BUDGET);
	EXPECT_EQ(pmm_free_lowmem_count(), OOM_BUDGET);
	/* The budget is enough to start a program and grow a little... */
	run("/bin/stackgrow", ARGV("stackgrow", "16"));
	EXPECT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	/* ...but not 4 MiB: the stack fault runs out and kills it. */
	run("/bin/stackgrow", ARGV("stackgrow", "4096"));
	EXPECT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_SIGNALED(SIGKILL));
	hoard_release(h);
	run("/bin/exit42", ARGV("exit42"));
	EXPECT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(42));
	EXPECT_EQ(proc_count(), 0);
}

/* exec maps nothing of the file: only the stack pages it wrote. */
KTEST(exec, nothing_is_mapped_before_it_is_touched)
{
	static const char *const argv[] = { "exit42", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image img;
	ASSERT_EQ(exec_prepare("/bin/exit42", &args, &img), 0);
	struct address_space *as = img.as;
	unsigned stack_pages = 0, other_pages = 0;
	for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v))
		for (vaddr_t va = v->start; va < v->end; va += PAGE_SIZE)
			if (vmm_query(as->pd, va, NULL, NULL))
				*(v->flags & VMA_GROWSDOWN ? &stack_pages : &other_pages) += 1;
	EXPECT_EQ(other_pages, 0);
	EXPECT_EQ(stack_pages, 1);
	EXPECT_EQ(as->resident, 1);
	EXPECT_EQ(as->minor_faults, 0);
	exec_abandon(&img);
}

/* Two images of one program: their text pages are the same frames. */
KTEST(exec, two_images_share_text_frames)
{
	static const char *const argv[] = { "hello", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image a, b;
	ASSERT_EQ(exec_prepare("/bin/hello", &args, &a), 0);
	ASSERT_EQ(exec_prepare("/bin/hello", &args, &b), 0);
	unsigned shared = 0, checked = 0;
	for (struct vma *v = vma_first(&a.as->vmas); v; v = vma_next(v)) {
		if (v->kind != VMA_FILE_PRIVATE || (v->prot & VMA_WRITE))
			continue;  /* read-only file pages: from the cache */
		for (vaddr_t va = v->start; va < v->end; va += PAGE_SIZE) {
			paddr_t fa = 0, fb = 0;
			EXPECT_EQ(vm_fault(a.as, va, 0), VM_FAULT_OK);
			EXPECT_EQ(vm_fault(b.as, va, 0), VM_FAULT_OK);
			vmm_query(a.as->pd, va, &fa, NULL);
			vmm_query(b.as->pd, va, &fb, NULL);
			checked++;
			shared += fa == fb && fa != 0;
		}
	}
	EXPECT_GT(checked, 0);
	EXPECT_EQ(shared, checked);
	exec_abandon(&a);
	exec_abandon(&b);
	pagecache_shrink();
}

/* A word of a prepared image's memory (faulted in), or 0xdeadbeef. */
static uint32_t peek(struct address_space *as, vaddr_t va)
{
	paddr_t frame;
	uint32_t w = 0xdeadbeef;
	if (vm_fault(as, PAGE_ROUND_DOWN(va), 0) != VM_FAULT_OK ||
	    !vmm_query(as->pd, PAGE_ROUND_DOWN(va), &frame, NULL))
		return w;
	uint8_t *p = kmap(frame);
	memcpy(&w, p + (va & (PAGE_SIZE - 1)), sizeof(w));
	kunmap(p);
	return w;
}

/* The value of auxv entry type on the prepared stack, or 0xdeadbeef. */
static uint32_t auxv_of(struct exec_image *img, uint32_t type)
{
	vaddr_t p = img->sp + 4 * (peek(img->as, img->sp) + 2);  /* envp */
	while (peek(img->as, p))
		p += 4;
	for (p += 4; p < USER_STACK_TOP; p += 8) {
		uint32_t t = peek(img->as, p);
		if (t == type)
			return peek(img->as, p + 4);
		if (t == AT_NULL)
			break;
	}
	return 0xdeadbeef;
}

/* A PIE with an interpreter (the corpus's static PIE stands in for
 * ld.so): the program at ELF_ET_DYN_BASE, the interpreter where mmap puts
 * a mapping of its size (just below MMAP_BASE), the first instruction the
 * interpreter's, and the auxv linking them, as Linux's load_elf_binary. */
KTEST(exec, interpreter_is_mapped_and_named_in_auxv)
{
	static const char *const argv[] = { "p", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image img;
	ASSERT_EQ(exec_prepare("/corpus/good_pie_with_interp", &args, &img), 0);
	/* The interpreter spans 0x6000 bytes (text 0x2123, data to 0x5123). */
	const uint32_t base = MMAP_BASE - 0x6000;
	struct vma *prog = vma_find(&img.as->vmas, ELF_ET_DYN_BASE);
	struct vma *interp = vma_find(&img.as->vmas, base);
	ASSERT_NOT_NULL(prog);
	ASSERT_NOT_NULL(interp);
	EXPECT_EQ(prog->start, ELF_ET_DYN_BASE);
	EXPECT_EQ(interp->start, base);
	EXPECT_EQ(interp->prot, VMA_READ | VMA_EXEC);
	EXPECT_EQ(interp->file_offset, 0);
	EXPECT_EQ(img.entry, base + 0x200);
	EXPECT_EQ(auxv_of(&img, AT_BASE), base);
	EXPECT_EQ(auxv_of(&img, AT_ENTRY), ELF_ET_DYN_BASE + 0x200);
	EXPECT_EQ(auxv_of(&img, AT_PHDR), ELF_ET_DYN_BASE + 52);
	EXPECT_EQ(auxv_of(&img, AT_PHNUM), 4);
	EXPECT_EQ(auxv_of(&img, AT_PHENT), 32);
	/* brk follows the program, not the interpreter. */
	EXPECT_EQ(img.as->brk_start, ELF_ET_DYN_BASE + 0x6000);
	/* The interpreter's text is the page cache's frame, shared with a
	 * second image, as any program's text. */
	struct exec_image two;
	ASSERT_EQ(exec_prepare("/corpus/good_interp", &args, &two), 0);
	EXPECT_EQ(auxv_of(&two, AT_BASE), base);
	EXPECT_EQ(auxv_of(&two, AT_ENTRY), ELFGEN_ENTRY);
	paddr_t fa = 0, fb = 0;
	EXPECT_EQ(vm_fault(img.as, base, 0), VM_FAULT_OK);
	EXPECT_EQ(vm_fault(two.as, base, 0), VM_FAULT_OK);
	vmm_query(img.as->pd, base, &fa, NULL);
	vmm_query(two.as->pd, base, &fb, NULL);
	EXPECT_NE(fa, 0);
	EXPECT_EQ(fa, fb);
	exec_abandon(&img);
	exec_abandon(&two);
	pagecache_shrink();
}

/* A static program gets AT_BASE 0 and starts at its own entry. */
KTEST(exec, static_program_has_no_interpreter)
{
	static const char *const argv[] = { "p", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image img;
	ASSERT_EQ(exec_prepare("/corpus/good_minimal", &args, &img), 0);
	EXPECT_EQ(auxv_of(&img, AT_BASE), 0);
	EXPECT_EQ(auxv_of(&img, AT_ENTRY), img.entry);
	EXPECT_EQ(img.entry, ELFGEN_ENTRY);
	exec_abandon(&img);
}

KTEST(exec, arguments_over_128k_give_e2big)
{
	static char big[64 * 1024];
	memset(big, 'x', sizeof(big) - 1);
	const char *const three[] = { "exit42", big, big, NULL };
	struct exec_args args = { three, ARGV("A=1"), false };
	struct exec_image img;
	EXPECT_EQ(exec_prepare("/bin/exit42", &args, &img), -E2BIG);
	/* Very many empty strings: counted without overflow, then refused. */
	static const char *many[40000];
	for (int i = 0; i < 39999; i++)
		many[i] = "";
	args.argv = many;
	EXPECT_EQ(exec_prepare("/bin/exit42", &args, &img), -E2BIG);
	/* Just under the limit is fine. */
	big[sizeof(big) - 1 - 8 * 1024] = '\0';
	const char *const two[] = { "exit42", big, NULL };
	args.argv = two;
	ASSERT_EQ(exec_prepare("/bin/exit42", &args, &img), 0);
	exec_abandon(&img);
}

/* errno_name() backwards: "ENOEXEC" -> ENOEXEC, "0" -> 0, -1 if unknown. */
static int errno_value(const char *name, size_t len)
{
	if (len == 1 && name[0] == '0')
		return 0;
	for (int e = 1; e <= MAX_ERRNO; e++) {
		const char *n = errno_name(e);
		if (strlen(n) == len && strncmp(n, name, len) == 0)
			return e;
	}
	return -1;
}

/* Split a MANIFEST line "NAME ERRNO EXIT" into its three words. */
static bool manifest_words(const char *line, const char *end, const char *w[3],
			   size_t n[3])
{
	for (int i = 0; i < 3; i++) {
		while (line < end && *line == ' ')
			line++;
		w[i] = line;
		while (line < end && *line != ' ')
			line++;
		n[i] = line - w[i];
		if (!n[i])
			return false;
	}
	return true;
}

/* Every file of the ELF corpus (tests/corpus/) through exec: the broken
 * ones give their errno and leave nothing behind (the runner checks), the
 * good ones run and exit 42 after checking their own data and bss. */
KTEST(exec, corpus_gives_expected_results)
{
	ASSERT_NOT_NULL(boot_initrd);
	struct initrd_file *m = initrd_lookup(boot_initrd, "/corpus/MANIFEST");
	ASSERT_NOT_NULL(m);
	const char *p = (const char *)m->vmf.data, *end = p + m->vmf.size;
	int files = 0;
	while (p < end) {
		const char *nl = p;
		while (nl < end && *nl != '\n')
			nl++;
		const char *w[3];
		size_t n[3];
		if (!manifest_words(p, nl, w, n) || n[0] > 48) {
			ktest_fail(t, __FILE__, __LINE__, "a well-formed MANIFEST line", 0, 0, false);
			return;
		}
		char path[64] = "/corpus/";
		memcpy(path + 8, w[0], n[0]);
		path[8 + n[0]] = '\0';
		int want_err = errno_value(w[1], n[1]);
		ASSERT_GE(want_err, 0);
		run(path, ARGV(path));
		if (res.err != -want_err ||
		    (!want_err && res.status != WAIT_EXITED(42))) {
			kprintf("# %s: exec gave %s, status 0x%x; expected %.*s\n", path,
				res.err ? errno_name(res.err) : "0", res.status,
				(int)n[1], w[1]);
			t->failures++;
		}
		files++;
		p = nl + 1;
	}
	EXPECT_GT(files, 40);
}

/* Start a process with no memory at all, then with one more frame each
 * time: every failure, wherever in exec or process creation it strikes,
 * must be -ENOMEM and give back every frame and heap byte it took. */
KTEST(exec, out_of_memory_anywhere_gives_enomem_and_leaks_nothing)
{
	static const char *const argv[] = { "exit42", NULL };
	static const char *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct hoard *h = hoard_frames(0);
	ASSERT_NOT_NULL(h);
	int err = -ENOMEM, failures = 0;
	struct proc *p = NULL;

	while (!p && failures < 256) {
		mm_reclaim();
		size_t frames = pmm_free_count(), heap = kheap_bytes_in_use();
		p = exec_spawn(NULL, "/bin/exit42", &args, &err);
		if (p)
			break;
		EXPECT_EQ(err, -ENOMEM);
		mm_reclaim();
		EXPECT_EQ(pmm_free_count(), frames);
		EXPECT_EQ(kheap_bytes_in_use(), heap);
		failures++;
		hoard_release_some(h, 1);
	}
	ASSERT_NOT_NULL(p);
	EXPECT_GT(failures, 3);  /* it did fail at several different steps */
	hoard_release(h);        /* it has not run yet: now it has memory */
	EXPECT_EQ(proc_wait(p), WAIT_EXITED(42));
}

/* The same walk with fault injection (mm/failinject.h): fail exactly the
 * nth allocation exec_spawn makes, for n = 1, 2, ... until it makes fewer
 * than n. Unlike running out of frames, this reaches the heap allocations
 * too, each one of them: every one must end in -ENOMEM with nothing
 * leaked, and the spawner must be able to start the program right after. */
KTEST(exec, every_allocation_of_exec_can_fail_cleanly)
{
	static const char *const argv[] = { "exit42", NULL };
	static const char *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	int err, n;

	for (n = 1; n < 1000; n++) {
		mm_reclaim();
		size_t frames = pmm_free_count(), heap = kheap_bytes_in_use();
		failinject_arm(thread_current(), n);
		struct proc *p = exec_spawn(NULL, "/bin/exit42", &args, &err);
		bool reached = failinject_pending() == 0;
		failinject_arm(NULL, 0);
		if (p) {
			/* a failure after the point of no return would have to
			 * be handled by the new process itself */
			EXPECT_FALSE(reached);
			EXPECT_EQ(proc_wait(p), WAIT_EXITED(42));
			break;
		}
		EXPECT_TRUE(reached);
		EXPECT_EQ(err, -ENOMEM);
		mm_reclaim();
		EXPECT_EQ(pmm_free_count(), frames);
		EXPECT_EQ(kheap_bytes_in_use(), heap);
		if (t->failures) {
			kprintf("# allocation %d of exec_spawn\n", n);
			return;
		}
	}
	kprintf("# exec_spawn made %d allocations; each one failed cleanly\n",
		n - 1);
	EXPECT_GT(n, 5);
	EXPECT_LT(n, 1000);
}
