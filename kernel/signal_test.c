/* kernel/signal_test.c: signals from user programs (user/sigfault.c:
 * faults caught, handlers changing the saved registers; user/sigtest.c:
 * masks, the alternate stack, handler flags; user/sigproc.c: default
 * actions, wait statuses, SIGCHLD, process groups), each printing KTAP,
 * and signal names and core flags. (The log line of a death by a fault,
 * and its absence for kill(2), are checked by tools/check-boot.) */
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

static void run_ktap(struct ktest *t, const char *path)
{
	uprog_run_ktap(t, path, NULL, &res);
	EXPECT_EQ(proc_count(), 0);  /* every child was reaped */
}

KTEST(signal, handlers_frames_and_masks_behave_as_linux)
{
	run_ktap(t, "/bin/sigtest");
}

KTEST(signal, faults_become_signals_a_handler_catches_as_linux)
{
	run_ktap(t, "/bin/sigfault");
}

KTEST(signal, signals_between_processes_behave_as_linux)
{
	run_ktap(t, "/bin/sigproc");
}

/* waitid: a child's exit, kill, stop and continue told in a siginfo, as
 * Linux tells them (user/waitidtest.c). */
KTEST(signal, waitid_reports_as_linux)
{
	run_ktap(t, "/bin/waitidtest");
}

KTEST(signal, names_and_core_dumping_defaults)
{
	EXPECT_STREQ(signal_name(SIGSEGV), "SIGSEGV");
	EXPECT_STREQ(signal_name(SIGSYS), "SIGSYS");
	EXPECT_NULL(signal_name(0));
	EXPECT_NULL(signal_name(40));
	EXPECT_EQ(signal_core_flag(SIGQUIT), WCOREFLAG);
	EXPECT_EQ(signal_core_flag(SIGSEGV), WCOREFLAG);
	EXPECT_EQ(signal_core_flag(SIGTERM), 0);
	EXPECT_EQ(signal_core_flag(SIGKILL), 0);
}
