/* kernel/threads_test.c: threads from the inside: user/threadtest (pthreads
 * on clone and futex, exit vs exit_group, execve and fork from a thread),
 * user/futextest and user/clonecheck check themselves and print KTAP; here we also check that every process
 * and futex waiter is gone afterwards, and the runner that no frame or
 * heap byte leaked. */
#include <stddef.h>

#include "kernel/futex.h"
#include "kernel/proc.h"
#include "mm/kstack.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(threads, pthreads_exit_exec_fork_behave_as_linux)
{
	unsigned stacks = kstack_in_use();
	uprog_run_ktap(t, "/bin/threadtest", NULL, &res);
	EXPECT_EQ(proc_count(), 0);
	EXPECT_EQ(futex_waiters(), 0);
	EXPECT_EQ(kstack_in_use(), stacks);  /* every thread's came back */
}

/* futex: errors, timeouts, signals, requeue, wake_op, robust lists, a
 * word in a copy-on-write page and one shared by two processes. */
KTEST(threads, futex_behaves_as_linux)
{
	uprog_run_ktap(t, "/bin/futextest",
		       (const char *const[]){ "futextest", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
	EXPECT_EQ(futex_waiters(), 0);
}

/* 1,000 threads created and joined one after the other: the kernel
 * stacks of exited threads are freed as new ones come, and everything at
 * the end (the runner compares frames and heap bytes). */
KTEST(threads, create_join_1000_times_leaks_nothing)
{
	unsigned stacks = kstack_in_use();
	uprog_run_ktap(t, "/bin/threadtest",
		       (const char *const[]){ "/bin/threadtest", "join1000", NULL },
		       &res);
	EXPECT_EQ(proc_count(), 0);
	EXPECT_EQ(kstack_in_use(), stacks);  /* 1,000 slots taken and returned */
}

/* posix_spawn and posix_spawnp (libc: a CLONE_VM | CLONE_VFORK child on
 * its own stack): the program runs, a failed exec is the result, file
 * actions and attributes apply in the child only. */
KTEST(threads, posix_spawn_runs_programs_without_copying)
{
	uprog_run_ktap(t, "/bin/spawntest",
		       (const char *const[]){ "/bin/spawntest", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}

/* clone's flag checks and tid pointers, wait4's thread options. */
KTEST(threads, clone_flags_and_wait4_options_are_linux_s)
{
	uprog_run_ktap(t, "/bin/clonecheck",
		       (const char *const[]){ "clonecheck", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}
