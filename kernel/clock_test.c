/* kernel/clock_test.c: the clock, sleep and usage system calls as user
 * programs see them (user/timecheck.c checks itself and prints KTAP; the
 * same binary passes on Linux), and restart_syscall's bookkeeping. */
#include <stddef.h>

#include "kernel/proc.h"
#include "kernel/restart.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(clock, clocks_sleeps_and_usage_behave_as_linux)
{
	uprog_run_ktap(t, "/bin/timecheck",
		       (const char *const[]){ "timecheck", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}

static long restart_count(struct restart_block *rb)
{
	rb->rmtp++;
	if (rb->rmtp >= 2)
		return 7;
	rb->fn = restart_count;  /* as nanosleep_restart re-arms itself */
	return -ERESTART_RESTARTBLOCK;
}

KTEST(clock, restart_syscall_resumes_once_per_interruption)
{
	struct restart_block *rb = &thread_current()->restart;
	struct restart_block saved = *rb;
	/* nothing pending: EINTR, as Linux's do_no_restart_syscall */
	rb->fn = NULL;
	EXPECT_EQ(sys_restart_syscall(0, 0, 0, 0, 0, 0), -EINTR);
	/* a pending restart runs, stays armed while it is interrupted again,
	 * and is spent once it completes */
	*rb = (struct restart_block){ .fn = restart_count };
	EXPECT_EQ(sys_restart_syscall(0, 0, 0, 0, 0, 0), -ERESTART_RESTARTBLOCK);
	EXPECT_EQ(sys_restart_syscall(0, 0, 0, 0, 0, 0), 7);
	EXPECT_EQ(sys_restart_syscall(0, 0, 0, 0, 0, 0), -EINTR);
	*rb = saved;
}

KTEST(clock, uname_ids_and_limits_behave_as_linux)
{
	uprog_run_ktap(t, "/bin/sysidcheck",
		       (const char *const[]){ "sysidcheck", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}
