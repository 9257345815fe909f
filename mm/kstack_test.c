/* mm/kstack_test.c: kernel stacks sit above unmapped guard pages, go back
 * to the window when freed, and threads give theirs back (the runner
 * checks the frames; these cases check the slots). */
#include "mm/kstack.h"

#include "kernel/arch/x86/probe.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/pmm.h"
#include "tests/ktest.h"

KTEST(kstack, stack_is_mapped_between_unmapped_guards)
{
	uint8_t *s = kstack_alloc();
	ASSERT_NOT_NULL(s);
	uint32_t w;
	EXPECT_TRUE((uint32_t)s >= KSTACK_BASE && (uint32_t)s < KSTACK_END);
	EXPECT_EQ(probe_write_u32(s, 1), 0);
	EXPECT_EQ(probe_write_u32(s + PAGE_SIZE - 4, 2), 0);
	EXPECT_EQ(probe_read_u32(s - 4, &w), -EFAULT);         /* its guard */
	EXPECT_EQ(probe_read_u32(s - PAGE_SIZE, &w), -EFAULT);
	EXPECT_EQ(probe_read_u32(s + PAGE_SIZE, &w), -EFAULT); /* the next's */
	EXPECT_PTR_EQ(kstack_guarded_by((vaddr_t)s - 4), s);
	EXPECT_PTR_EQ(kstack_guarded_by((vaddr_t)s - PAGE_SIZE), s);
	EXPECT_NULL(kstack_guarded_by((vaddr_t)s));
	EXPECT_NULL(kstack_guarded_by(KMAP_BASE));
	kstack_free(s);
	EXPECT_EQ(probe_read_u32(s, &w), -EFAULT);  /* unmapped once freed */
}

/* Take stacks until there are none (all KSTACK_SLOTS slots, or all the
 * frames at -m 8M), then give every one back. */
static void *stacks[KSTACK_SLOTS];  /* 8 KiB: more than the heap gives */

KTEST(kstack, exhausting_the_window_fails_cleanly_and_frees_all)
{
	unsigned before = kstack_in_use();
	unsigned n = 0;
	while (n < KSTACK_SLOTS && (stacks[n] = kstack_alloc()))
		n++;
	EXPECT_EQ(kstack_in_use(), before + n);
	if (before + n < KSTACK_SLOTS)  /* then frames ran out first */
		EXPECT_EQ(pmm_free_count(), 0);
	else
		EXPECT_NULL(kstack_alloc());  /* no slot left */
	while (n > 0)
		kstack_free(stacks[--n]);
	EXPECT_EQ(kstack_in_use(), before);
}

static void count_up(void *arg)
{
	++*(int *)arg;
}

/* Kernel threads that run to their end and are freed return their slots
 * and frames (the runner counts the frames). */
KTEST(kstack, kernel_threads_give_their_stacks_back)
{
	unsigned before = kstack_in_use();
	struct thread *th[8];
	int ran = 0;
	for (int i = 0; i < 8; i++) {
		th[i] = thread_create_kernel(count_up, &ran);
		ASSERT_NOT_NULL(th[i]);
		thread_start(th[i]);
	}
	EXPECT_EQ(kstack_in_use(), before + 8);
	for (int i = 0; i < 8; i++) {
		while (th[i]->state != THREAD_DEAD)
			thread_yield();
		thread_free(th[i]);
	}
	EXPECT_EQ(ran, 8);
	EXPECT_EQ(kstack_in_use(), before);
}
