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

/* Children a killed worker left behind end on their own; give them a
 * moment, so the leak check sees the end state. */
static void wait_for_orphans(void)
{
	uint64_t deadline = time_monotonic_ns() + 5000000000ull;
	while (proc_count() > 0 && time_monotonic_ns() < deadline)
		thread_yield();
}

/* `stress=-s,7,-t,300`: one long run, output on the console. */
static void run_long(struct ktest *t, const char *spec)
{
	static char buf[128];
	static const char *argv[16];
	int n = 0;
	size_t len = strnlen(spec, sizeof(buf) - 1);
	memcpy(buf, spec, len);
	buf[len] = '\0';
	argv[n++] = "stress";
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
	struct proc *p = exec_spawn(NULL, "/bin/stress", &args, &err);
	ASSERT_NOT_NULL(p);
	EXPECT_EQ(proc_wait(p), WAIT_EXITED(0));
	wait_for_orphans();
	EXPECT_EQ(proc_count(), 0);
}

/* A fixed seed, four workers, a bounded number of rounds each. */
KTEST(stress, workers_mix_leaves_kernel_intact)
{
	const char *spec = cmdline_value(&kernel_cmdline, "stress");
	if (spec) {
		run_long(t, spec);
		return;
	}
	uprog_run_ktap(t, "/bin/stress",
		       (const char *const[]){ "stress", "-s", "1", "-w", "4",
					      "-r", "30", NULL },
		       &res);
	wait_for_orphans();
	EXPECT_EQ(proc_count(), 0);
}
