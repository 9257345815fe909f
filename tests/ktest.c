/* tests/ktest.c: the in-kernel test runner. Walks the .ktest section, runs
 * each case, checks that it left no frame or heap byte behind, and prints
 * the results as KTAP on the console. */
#include "tests/ktest.h"

#include "kernel/console.h"
#include "kernel/kstack.h"
#include "kernel/lib/string.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "mm/check.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/reclaim.h"
#include "tests/report.h"

extern const struct ktest_case __ktest_start[], __ktest_end[];

void ktest_fail(struct ktest *t, const char *file, int line, const char *expr,
		long long a, long long b, bool show_values)
{
	t->failures++;
	report_values(file, line, expr, a, b, show_values);
}

void ktest_fail_str(struct ktest *t, const char *file, int line,
		    const char *expr, const char *a, const char *b)
{
	t->failures++;
	report_strings(file, line, expr, a, b);
}

/* Frames in use outside the heap. The heap's own frames are left out:
 * the same objects may sit in more slabs after a case than before (a
 * long-lived object freed and made again, as /proc/self is each time
 * another process looks it up, lands wherever there is room), which is
 * not a leak. A leaked object shows in the heap's byte count instead. */
static size_t frames_in_use(void)
{
	return pmm_total_count() - pmm_free_count() - kheap_frames();
}

/* Run one case; true if it passed and leaked nothing. */
static bool run_case(const struct ktest_case *tc)
{
	struct ktest t = { .tc = tc };
	/* Cached pages and spare slabs are reclaimable, not leaked. */
	mm_reclaim();
	size_t frames = frames_in_use();
	size_t heap = kheap_bytes_in_use();

	tc->run(&t);
#ifdef PAGODA_DEBUG
	/* The debug build checks every structure the case may have left
	 * broken (mm/check.h). */
	if (mm_check_all(tc->name))
		t.failures++;
#endif
	mm_reclaim();
	size_t frames_after = frames_in_use();
	size_t heap_after = kheap_bytes_in_use();
	if (frames_after != frames) {
		kprintf("# leak: %zu frames in use outside the heap before the "
			"case, %zu after\n", frames, frames_after);
		t.failures++;
	}
	if (heap_after != heap) {
		kprintf("# leak: %zu heap bytes in use before the case, %zu after\n",
			heap, heap_after);
		t.failures++;
	}
	return t.failures == 0;
}

/* The debug build's deepest kernel stack use (kernel/kstack.h), with the
 * running thread's own use counted. */
static void print_deepest_stack(void)
{
#ifdef PAGODA_DEBUG
	kstack_account(thread_current());
	struct kstack_record k;
	kstack_deepest(&k);
	kprintf("# kernel stack: deepest use %zu of %u bytes, by thread %d "
		"(%s)", k.bytes, (unsigned)KSTACK_SIZE, k.tid,
		k.name[0] ? k.name : "kernel");
	if (k.syscall >= 0)
		kprintf(" in system call %s", syscall_name((unsigned)k.syscall));
	kprintf("\n");
#endif
}

int ktest_run_all(const char *filter)
{
	int total = 0, passed = 0, failed = 0;

	for (const struct ktest_case *tc = __ktest_start; tc < __ktest_end; tc++)
		total += report_selected(filter, tc->suite);
	kprintf("KTAP version 1\n1..%d\n", total);
	for (const struct ktest_case *tc = __ktest_start; tc < __ktest_end; tc++) {
		if (!report_selected(filter, tc->suite))
			continue;
		bool ok = run_case(tc);
		ok ? passed++ : failed++;
		kprintf("%s %d %s.%s\n", ok ? "ok" : "not ok", passed + failed,
			tc->suite, tc->name);
	}
	print_deepest_stack();
	kprintf("%d passed, %d failed\n", passed, failed);
	return failed;
}
