/* mm/failinject_test.c: fault injection from user space. user/failsweep
 * sweeps fork, a thread's clone, mmap, munmap splitting a mapping, pipe,
 * open and queueing a signal through /proc/thread-self/fail-nth: every
 * allocation of each fails once, and each failure must be ENOMEM or
 * EAGAIN with the caller intact. The runner's leak check then proves all
 * those failures gave back every frame and heap byte. */
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(failinject, every_allocation_of_fork_clone_mmap_pipe_open_signal_fails_cleanly)
{
	uprog_run("/bin/failsweep", (const char *const[]){ "failsweep", NULL },
		  &res);
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	EXPECT_NULL(strstr(res.out, "SKIP"));  /* it found fail-nth */
	EXPECT_EQ(proc_count(), 0);
	uprog_show(&res);  /* how many allocations each call makes */
}
