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

/* Processes a fuzzing child left behind (its own forks, killed with its
 * group) end on their own; give them a moment, so the leak check sees
 * the end state. */
static void wait_for_orphans(void)
{
	uint64_t deadline = time_monotonic_ns() + 5000000000ull;
	while (proc_count() > 0 && time_monotonic_ns() < deadline)
		thread_yield();
}

static void run_seed(struct ktest *t, const char *seed)
{
	const char *const argv[] = { "sysfuzz", "-s", seed, "-n", "10", "-c",
				     "50", NULL };
	uprog_run("/bin/sysfuzz", argv, &res);
	wait_for_orphans();
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_TRUE(uprog_ktap_passed(&res));
	EXPECT_EQ(proc_count(), 0);
	if (t->failures)
		uprog_show(&res);
}

/* `sysfuzz=-s,7,-t,600,-p`: one long run, output on the console. */
static void run_long(struct ktest *t, const char *spec)
{
	static char buf[128];
	static const char *argv[16];
	int n = 0;
	size_t len = strnlen(spec, sizeof(buf) - 1);
	memcpy(buf, spec, len);
	buf[len] = '\0';
	argv[n++] = "sysfuzz";
	for (char *p = buf; *p && n < 15;) {
		argv[n++] = p;
		char *comma = strchr(p, ',');
		if (!comma)
			break;
		*comma = '\0';
		p = comma + 1;
	}
	argv[n] = NULL;
	static const char *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	int err;
	struct proc *p = exec_spawn(NULL, "/bin/sysfuzz", &args, &err);
	ASSERT_NOT_NULL(p);
	EXPECT_EQ(proc_wait(p), WAIT_EXITED(0));
	wait_for_orphans();
	EXPECT_EQ(proc_count(), 0);
}

/* Fixed seeds: the same calls every run, so a failure here reproduces
 * with `sysfuzz -s SEED -b BATCH -n 1 -v` (the log names the batch). */
KTEST(fuzz, fixed_seeds_leave_kernel_intact)
{
	const char *spec = cmdline_value(&kernel_cmdline, "sysfuzz");
	if (spec) {
		run_long(t, spec);
		return;
	}
	static const char *const seeds[] = { "1", "2" };
	for (unsigned i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		run_seed(t, seeds[i]);
}
