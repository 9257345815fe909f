/* kernel/watchdog_test.c: the soft-lockup watchdog reports a thread that
 * spins in the kernel, interrupts on, past its threshold, and only once
 * per episode. */
#include "kernel/arch/x86/cpu.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/watchdog.h"
#include "tests/ktest.h"

/* Spin for ms without switching, yielding or touching the watchdog. */
static void __attribute__((noinline)) spin_in_kernel(uint32_t ms)
{
	uint64_t end = time_monotonic_ns() + (uint64_t)ms * 1000000;
	while (time_monotonic_ns() < end)
		__asm__ volatile("pause");
}

KTEST(watchdog, reports_a_thread_spinning_in_the_kernel)
{
	ASSERT_TRUE(read_eflags() & EFLAGS_IF);  /* the tick must reach us */
	int tid = -1;
	uint32_t before = watchdog_reports(NULL);
	uint32_t old = watchdog_set_threshold_ms(100);
	watchdog_touch();
	spin_in_kernel(30);  /* under the threshold: nothing */
	EXPECT_EQ(watchdog_reports(NULL), before);
	spin_in_kernel(800);  /* well past it (even if ticks come late on a
				 busy host): one report, not one a tick */
	uint32_t after = watchdog_reports(&tid);
	watchdog_set_threshold_ms(old);
	watchdog_touch();
	EXPECT_EQ(after, before + 1);
	EXPECT_EQ(tid, thread_current()->tid);
}

KTEST(watchdog, a_switch_is_progress)
{
	uint32_t before = watchdog_reports(NULL);
	uint32_t old = watchdog_set_threshold_ms(100);
	watchdog_touch();
	for (int i = 0; i < 8; i++) {
		spin_in_kernel(40);
		watchdog_touch();  /* what a switch or cond_resched does */
	}
	EXPECT_EQ(watchdog_reports(NULL), before);
	watchdog_set_threshold_ms(old);
}
