/* tests/fuzz_test.c: the system-call fuzzer (user/sysfuzz) run from the
 * kernel suite, so the runner's leak check covers it: every frame and
 * heap byte the fuzzed processes took must be back once they are reaped.
 * `make test` runs a few fixed seeds for a bounded number of calls;
 * `make fuzz` boots `test=fuzz sysfuzz=ARGS`, and the same case runs
 * sysfuzz with ARGS (commas for spaces) for as long as they say, its
 * output on the console (docs/testing.md). */
#include "exec/exec.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

static void run_seed(struct ktest *t, const char *seed)
{
	const char *const argv[] = { "sysfuzz", "-s", seed, "-n", "10", "-c",
				     "50", NULL };
	uprog_run("/bin/sysfuzz", argv, &res);
	uprog_wait_for_orphans();
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	EXPECT_EQ(proc_count(), 0);
	if (t->failures)
		uprog_show(&res);
}

/* Fixed seeds: the same calls every run, so a failure here reproduces
 * with `sysfuzz -s SEED -b BATCH -n 1 -v` (the log names the batch). */
KTEST(fuzz, fixed_seeds_leave_kernel_intact)
{
	const char *spec = cmdline_value(&kernel_cmdline, "sysfuzz");
	if (spec) {
		uprog_run_spec(t, "/bin/sysfuzz", "sysfuzz", spec);
		return;
	}
	static const char *const seeds[] = { "1", "2" };
	for (unsigned i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		run_seed(t, seeds[i]);
}
