/* user/clonecheck.c: clone(2)'s flag checks and tid pointers, and wait4's
 * thread-related options, as Linux defines them. The same binary runs on
 * Linux (tools/check-user-on-host). Prints KTAP; exits 0 if all passed. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel/uapi/sched.h"
#include "kernel/uapi/signal.h"
#include "ktap.h"

/* A fork-like clone (no new stack): 0 in the child, as fork. */
static long clone5(unsigned long flags, void *ptid, void *ctid)
{
	return syscall(__NR_clone, flags, 0, ptid, 0, ctid);
}

static bool bad_flag_combinations_are_einval(void)
{
	static const unsigned long bad[] = {
		CLONE_THREAD | SIGCHLD,                  /* without SIGHAND */
		CLONE_SIGHAND | SIGCHLD,                 /* without VM */
		CLONE_THREAD | CLONE_SIGHAND | SIGCHLD,  /* without VM */
		CLONE_NEWNS | CLONE_FS | SIGCHLD,
	};
	bool ok = true;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		long r = clone5(bad[i], NULL, NULL);
		if (r == 0)
			_exit(0);  /* must not happen: a child exists */
		if (r != -1 || errno != EINVAL) {
			note("flags %#lx: %ld errno %d", bad[i], r, errno);
			ok = false;
		}
	}
	return ok;
}

/* Linux writes *parent_tid after the child exists and ignores a fault:
 * clone succeeds. The child finds its own tid at *child_tid. */
static bool tid_pointers_are_written_as_linux(void)
{
	static volatile int child_tid;
	fflush(stdout);
	long pid = clone5(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID,
			  (void *)8, (void *)&child_tid);
	if (pid == 0)
		_exit(child_tid == getpid() ? 0 : 1);
	if (pid < 0) {
		note("clone: errno %d", errno);
		return false;
	}
	int status;
	if (waitpid((int)pid, &status, 0) != pid || status != 0) {
		note("child status %#x (its *child_tid wrong?)", status);
		return false;
	}
	return child_tid == 0;  /* the parent's copy was not written */
}

static bool wait4_options_are_linux_s(void)
{
	bool ok = true;
	int status;
	errno = 0;
	if (waitpid(INT_MIN, &status, 0) != -1 || errno != ESRCH) {
		note("waitpid(INT_MIN): errno %d, want ESRCH", errno);
		ok = false;
	}
	errno = 0;
	if (waitpid(-1, &status, 0x100) != -1 || errno != EINVAL) {
		note("unknown option: errno %d, want EINVAL", errno);
		ok = false;
	}
	static const int fine[] = { __WALL, __WCLONE, __WNOTHREAD,
				    __WALL | WNOHANG };
	for (unsigned i = 0; i < sizeof(fine) / sizeof(fine[0]); i++) {
		errno = 0;
		if (waitpid(-1, &status, fine[i]) != -1 || errno != ECHILD) {
			note("option %#x, no child: errno %d, want ECHILD",
			     fine[i], errno);
			ok = false;
		}
	}
	return ok;
}

/* A child that asked for no exit signal is a "clone" child: a plain wait
 * does not see it, __WCLONE and __WALL do. qemu-i386 (how a host without
 * i386 support runs this) refuses such a clone: checked on pagoda and on
 * hosts that run i386 programs natively. */
static bool a_clone_child_needs_wclone_or_wall(void)
{
	fflush(stdout);
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* set when under qemu-i386 */
		note("qemu-user refuses clone without SIGCHLD: not checked");
		return true;
	}
	long pid = clone5(0, NULL, NULL);
	if (pid == 0)
		_exit(3);
	if (pid < 0)
		return false;
	int status = 0;
	errno = 0;
	bool ok = waitpid((int)pid, &status, 0) == -1 && errno == ECHILD;
	if (!ok)
		note("plain wait: errno %d, want ECHILD", errno);
	long got = waitpid((int)pid, &status, __WCLONE);
	if (got != pid || status != W_EXITCODE(3, 0)) {
		note("__WCLONE: %ld status %#x", got, status);
		ok = false;
	}
	return ok;
}

/* clone3's struct clone_args, version 0 (64 bytes), then more. */
struct clone_args {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal,
		stack, stack_size, tls;
	unsigned long long more[3];
};

static long clone3(struct clone_args *a, unsigned long size)
{
	return syscall(435 /* __NR_clone3 */, a, size);
}

static bool clone3_checks_its_arguments_as_linux(void)
{
	bool ok = true;
	struct clone_args a;
	struct { struct clone_args a; char extra[8]; } big;
	if (getenv("PAGODA_NO_I386_EXECVE")) {  /* set when under qemu-i386 */
		note("qemu-user has no clone3: not checked");
		return true;
	}
#define EXPECT_CLONE3(args, size, e)                                     \
	do {                                                             \
		errno = 0;                                               \
		long r_ = clone3(args, size);                            \
		if (r_ == 0)                                             \
			_exit(0);                                        \
		if (r_ != -1 || errno != (e)) {                          \
			note("clone3 %s: %ld errno %d, want %d", #size,  \
			     r_, errno, (e));                            \
			ok = false;                                      \
		}                                                        \
	} while (0)
	memset(&a, 0, sizeof(a));
	a.exit_signal = SIGCHLD;
	EXPECT_CLONE3(&a, 32, EINVAL);           /* shorter than version 0 */
	EXPECT_CLONE3(&a, 8192, E2BIG);          /* more than a page */
	memset(&big, 0, sizeof(big));
	big.a.exit_signal = SIGCHLD;
	big.extra[3] = 1;                        /* unknown, not zero */
	EXPECT_CLONE3(&big.a, sizeof(big), E2BIG);
	a.flags = SIGCHLD;                       /* the signal is apart */
	EXPECT_CLONE3(&a, 64, EINVAL);
	a.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	EXPECT_CLONE3(&a, 64, EINVAL);           /* a thread with a signal */
	a.flags = 0;
	a.stack = 0x1000;                        /* a stack without a size */
	EXPECT_CLONE3(&a, 64, EINVAL);
	a.stack = 0;
	a.exit_signal = 65;
	EXPECT_CLONE3(&a, 64, EINVAL);
	/* And a fork through it, 64 bytes or more with zeros after. */
	a.exit_signal = SIGCHLD;
	fflush(stdout);
	long pid = clone3(&a, sizeof(a));
	if (pid == 0)
		_exit(6);
	int status = 0;
	if (pid < 0 || waitpid((int)pid, &status, 0) != pid ||
	    status != W_EXITCODE(6, 0)) {
		note("clone3 fork: %ld errno %d status %#x", pid, errno, status);
		ok = false;
	}
	return ok;
}

static const struct ktap_case cases[] = {
	{ "clone.bad_flag_combinations_are_einval",
	  bad_flag_combinations_are_einval },
	{ "clone.tid_pointers_are_written_as_linux",
	  tid_pointers_are_written_as_linux },
	{ "clone.clone3_checks_its_arguments_as_linux",
	  clone3_checks_its_arguments_as_linux },
	{ "wait4.options_are_linux_s", wait4_options_are_linux_s },
	{ "wait4.a_clone_child_needs_wclone_or_wall",
	  a_clone_child_needs_wclone_or_wall },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
