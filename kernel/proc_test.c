/* kernel/proc_test.c: processes from the inside: fork, execve and wait as
 * user programs use them (user/forktest.c checks itself and prints KTAP),
 * a fork bomb meeting max_threads, hundreds of processes at once and
 * RLIMIT_NPROC, and orphans. */
#include "exec/exec.h"
#include "kernel/lib/string.h"
#include "kernel/pid.h"
#include "kernel/proc.h"
#include "kernel/uapi/signal.h"
#include "mm/pmm.h"
#include "tests/ktest.h"
#include "tests/uprog.h"

static struct uprog_result res;  /* 4 KiB: not on the stack */

KTEST(proc, fork_execve_and_wait_behave_as_linux)
{
	uprog_run_ktap(t, "/bin/forktest", NULL, &res);
	EXPECT_EQ(proc_count(), 0);  /* every child was reaped */
}

/* A chain of processes each waiting for the next, run by root, until fork
 * fails: root passes RLIMIT_NPROC but not max_threads (lowered here, as
 * Linux's kernel.threads-max sysctl would, so the bomb is short and fits
 * the 8 MiB machine): the 64th process is refused with EAGAIN, the kernel
 * survives, every process is reaped, and no frame or heap byte is left
 * (the runner checks). */
KTEST(proc, fork_bomb_meets_the_limit_and_unwinds)
{
	int old = pid_set_max_threads(64);
	uprog_run("/bin/forkchain", (const char *const[]){ "forkchain", NULL }, &res);
	pid_set_max_threads(old);
	ASSERT_EQ(res.err, 0);
	EXPECT_EQ(res.status, WAIT_EXITED(0));
	EXPECT_NOT_NULL(strstr(res.out, "fork failed with EAGAIN"));
	EXPECT_NOT_NULL(strstr(res.out, "63 processes deep when fork failed"));
	if (t->failures)
		uprog_show(&res);
	EXPECT_EQ(proc_count(), 0);
	/* and a process can start again */
	uprog_run("/bin/exit42", (const char *const[]){ "exit42", NULL }, &res);
	EXPECT_EQ(res.status, WAIT_EXITED(42));
}

/* The process the kernel treats as init adopts the children of those
 * that end before their own children do. */
KTEST(proc, init_adopts_orphans)
{
	static const char *const argv[] = { "orphans", NULL };
	static const char *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	int err;
	struct proc *p = exec_spawn(NULL, "/bin/orphans", &args, &err);
	ASSERT_NOT_NULL(p);
	struct capture cap = { res.out, PAGE_SIZE, 0 };
	proc_set_init(p);  /* before it runs: the spawner runs first */
	struct file *cf = uprog_capture(p, &cap);
	EXPECT_EQ(proc_wait(p), WAIT_EXITED(2));
	uprog_uncapture(cf);
	proc_set_init(NULL);
	EXPECT_EQ(proc_count(), 0);
}

/* x87 and SSE registers are saved and restored with each process. */
KTEST(proc, fpu_and_sse_registers_are_per_process)
{
	uprog_run_ktap(t, "/bin/fpucheck",
		       (const char *const[]){ "fpucheck", NULL }, &res);
}

/* set_thread_area: the TLS segment user code reaches through %gs. */
KTEST(proc, thread_local_storage_segments_work_as_linux)
{
	uprog_run_ktap(t, "/bin/tlscheck",
		       (const char *const[]){ "tlscheck", NULL }, &res);
}

/* Hundreds of live processes at once (the list, the children lists and
 * the pid hash at work), and RLIMIT_NPROC for an ordinary user: 300 of
 * each, or 40 on a machine too small to hold 300 (8 MiB). */
KTEST(proc, hundreds_of_processes_live_and_rlimit_nproc_holds)
{
	bool big = pmm_total_count() * PAGE_SIZE >= (64u << 20);
	const char *n = big ? "300" : "40";
	uprog_run_ktap(t, "/bin/manyprocs",
		       (const char *const[]){ "manyprocs", n, n, NULL }, &res);
	EXPECT_EQ(proc_count(), 0);
}
