/* tests/stress_test.c: user/stress (many processes forking, exec'ing,
 * threading, mapping, piping and signalling at once) run from the kernel
 * suite, so the runner's leak check covers it: once every worker is
 * reaped, every frame and heap byte must be back. The suite boots at
 * several memory sizes; at the smallest the workers meet ENOMEM and the
 * OOM killer, which the program counts as allowed outcomes. `make test`
 * runs a fixed seed for a few rounds; `make stress` boots
 * `test=stress stress=ARGS` and the same case runs the program with ARGS
 * (commas for spaces), its output on the console (docs/testing.md). */
#include "exec/exec.h"
#include "kernel/cmdline.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

/* A fixed seed, four workers, a bounded number of rounds each. */
KTEST(stress, workers_mix_leaves_kernel_intact)
{
	const char *spec = cmdline_value(&kernel_cmdline, "stress");
	if (spec) {
		uprog_run_spec(t, "/bin/stress", "stress", spec);
		return;
	}
	uprog_run_ktap(t, "/bin/stress",
		       (const char *const[]){ "stress", "-s", "1", "-w", "4",
					      "-r", "30", NULL },
		       &res);
	uprog_wait_for_orphans();
	EXPECT_EQ(proc_count(), 0);
}
