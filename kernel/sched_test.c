/* kernel/sched_test.c: the run queue. Found by the system-call fuzzer
 * (seed 100, batch 620 of a long run): two blocked threads woken by one
 * interrupt while the CPU idled, the other one first, left the idling
 * thread on the run queue twice, which made the queue a loop of that one
 * thread; it then spun in its sleep loop forever with interrupts off. */
#include "kernel/arch/x86/cpu.h"
#include "kernel/kstack.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "mm/pmm.h"
#include "tests/ktest.h"

#define MS 1000000ull

static struct {
	struct timer timer;
	struct thread *first, *second;
	volatile bool other_ran;
} s;

/* The tick: wake the other thread, then the idling one. */
static void wake_both(struct timer *t)
{
	thread_wake(s.first);
	thread_wake(s.second);
}

static void other(void *arg)
{
	bool irq = irq_save();
	thread_block();  /* until wake_both */
	irq_restore(irq);
	s.other_ran = true;
}

KTEST(sched, two_wakes_while_idle_queue_each_thread_once)
{
	struct thread *o = thread_create_kernel(other, NULL);
	ASSERT_NOT_NULL(o);
	s.first = o;
	s.second = thread_current();
	s.other_ran = false;
	thread_start(o);
	thread_yield();  /* o runs and blocks */
	ASSERT_EQ(o->state, THREAD_BLOCKED);
	timer_init(&s.timer, wake_both);
	timer_arm(&s.timer, time_monotonic_ns() + 2 * MS);
	bool irq = irq_save();
	thread_block();  /* nobody runnable: the CPU idles until the tick */
	irq_restore(irq);
	/* Without the fix the enqueue of this thread's second copy panics
	 * ("assertion failed: !t->queued"); before that assertion existed,
	 * this thread looped alone on the queue and o never ran again. */
	for (int i = 0; i < 100 && o->state != THREAD_DEAD; i++)
		thread_yield();
	EXPECT_TRUE(s.other_ran);
	EXPECT_EQ(o->state, THREAD_DEAD);
	EXPECT_FALSE(thread_current()->queued);
	if (o->state == THREAD_DEAD)
		thread_free(o);
}

/* The kernel stack's canary: an overflow (writing its lowest word) is
 * seen at the thread's next switch. Broken and mended on a thread that
 * never runs. */
static void never(void *arg)
{
}

KTEST(sched, a_kernel_stack_overflow_breaks_the_canary)
{
	struct thread *k = thread_create_kernel(never, NULL);
	ASSERT_NOT_NULL(k);
	EXPECT_TRUE(thread_stack_intact(k));
	EXPECT_TRUE(thread_stack_intact(thread_current()));
	uint32_t *low = (uint32_t *)k->kstack;
	uint32_t saved = *low;
	*low = 0;  /* what a too-deep call chain would do */
	EXPECT_FALSE(thread_stack_intact(k));
	*low = saved;
	EXPECT_TRUE(thread_stack_intact(k));
	k->state = THREAD_DEAD;  /* never started: free it as such */
	thread_free(k);
}

/* The debug build's stack-depth measure: a painted stack shows the words
 * written into it, counted from its top. */
KTEST(sched, a_painted_stack_shows_how_deep_it_was_used)
{
	paddr_t f = pmm_alloc_frame(PMM_LOWMEM);
	ASSERT_NE(f, 0);
	uint32_t *w = P2V(f);
	kstack_paint(w);
	w[0] = KSTACK_CANARY;
	size_t words = KSTACK_SIZE / 4;
	if (w[1] == KSTACK_PAINT) {  /* the debug build */
		EXPECT_EQ(kstack_used(w), 0);
		w[words - 1] = 1;
		EXPECT_EQ(kstack_used(w), 4);
		w[words - 300] = 0;  /* 1200 bytes down, words above untouched */
		EXPECT_EQ(kstack_used(w), 1200);
		w[1] = 0;  /* all but the canary */
		EXPECT_EQ(kstack_used(w), KSTACK_SIZE - 4);
		/* A thread freed unrun has used its first frame's 8 words. */
		struct thread *th = thread_create_kernel(never, NULL);
		ASSERT_NOT_NULL(th);
		EXPECT_EQ(kstack_used(th->kstack), 32);
		th->state = THREAD_DEAD;
		thread_free(th);
		struct kstack_record k;
		kstack_deepest(&k);
		EXPECT_GE(k.bytes, 32);
		EXPECT_LT(k.bytes, KSTACK_SIZE);
	}
	pmm_free_frame(f);
}
