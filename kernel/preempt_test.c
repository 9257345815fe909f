/* kernel/preempt_test.c: time slices seen from user space. user/preemptcheck
 * writes 256 KiB to the console in one writev while another of its threads
 * reads the clock every millisecond: the write must take 100 ms or more (so
 * that it spans many slices) and that thread must never wait more than a
 * quarter of it. The full 1 GiB is `make test-preempt-1g` (minutes).
 * user/nicetest sets nice values, which make slices shorter or longer. */
#include "kernel/proc.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(preempt, a_long_console_writev_lets_other_threads_run)
{
	uprog_run_ktap(t, "/bin/preemptcheck",
		       (const char *const[]){ "preemptcheck", "/dev/console",
					      "262144", "100", NULL },
		       &res);
	EXPECT_EQ(proc_count(), 0);
}

KTEST(preempt, nice_values_as_linux_and_shorter_slices)
{
	uprog_run_ktap(t, "/bin/nicetest", NULL, &res);
	EXPECT_EQ(proc_count(), 0);
}
