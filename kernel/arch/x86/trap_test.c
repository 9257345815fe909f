/* kernel/arch/x86/trap_test.c: the way back to ring 3 survives segment
 * selectors user space made bad (user/selcheck.c loads a TLS selector
 * into gs, fs, ds, es or ss and clears its descriptor; it checks itself
 * and prints KTAP, and passes on Linux too), and the direction flag a
 * system call is made with (selcheck's last case: the kernel's copies run
 * forwards all the same). */
#include "kernel/proc.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(trap, bad_user_selectors_are_zeroed_or_sigsegv_never_a_panic)
{
	uprog_run_ktap(t, "/bin/selcheck",
		       (const char *const[]){ "selcheck", NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}
