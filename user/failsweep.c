/* user/failsweep.c: fault-injection sweeps from user space, through
 * /proc/thread-self/fail-nth (docs/testing.md). For each operation (fork,
 * a thread's clone, mmap, munmap splitting a mapping, pipe, open with
 * O_CREAT, queueing a real-time signal) and n = 1, 2, ...: a fresh
 * process (the victim) makes its nth allocation from now on fail, makes
 * the call, and reads back whether the failure was injected. Each call
 * must fail with ENOMEM or EAGAIN exactly when the failure struck it, and
 * the victim must be able to make the same call right after (it is
 * intact); the sweep ends at the first n the call no longer reaches. The
 * kernel suite runs this (mm/failinject_test.c), so its leak check proves
 * every failure gave back every frame and heap byte. The victim is a
 * process of its own because after a successful fork its next write to
 * its stack is an allocation too (copy-on-write), which may be the one
 * that fails; it makes the call once before arming, for the same reason.
 * On a host without fail-nth every case is skipped. KTAP. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static int nth_fd = -1;
static bool armed_call;  /* the victim's armed call is running */

static void arm(unsigned n)
{
	char b[16];
	int k = snprintf(b, sizeof(b), "%u", n);
	write(nth_fd, b, k);
}

static unsigned pending(void)
{
	char b[16] = { 0 };
	pread(nth_fd, b, sizeof(b) - 1, 0);  /* the fd's offset is shared
						with every victim */  /* the fd's offset is shared
						with every victim */
	unsigned v = 0;
	for (char *p = b; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (unsigned)(*p - '0');
	return v;
}

/* What a victim reports (its exit status). */
enum { FAILED_CLEANLY, DONE, TOLERATED, FAILED_UNINJECTED, WRONG_ERRNO,
       NOT_INTACT };

/* One victim for allocation n of op(): returns its verdict, or -1 if it
 * was killed (only after a successful call: see the header). */
static int victim(unsigned n, int (*op)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		/* A first call, not armed: every page it writes (stack,
		 * data) becomes the victim's own now, not a copy-on-write
		 * fault that could take the armed failure later. */
		if (op() != 0)
			_exit(NOT_INTACT);
		armed_call = true;  /* written before arming: see above */
		arm(n);
		int r = op();
		armed_call = false;
		unsigned left = pending();
		arm(0);
		if (r == 0)
			_exit(left ? DONE : TOLERATED);
		if (left)
			_exit(FAILED_UNINJECTED);
		if (r != -ENOMEM && r != -EAGAIN)
			_exit(WRONG_ERRNO);
		_exit(op() == 0 ? FAILED_CLEANLY : NOT_INTACT);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return NOT_INTACT;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static bool sweep(const char *name, int (*op)(void))
{
	static const char *const why[] = {
		[FAILED_UNINJECTED] = "failed, but not where the failure was",
		[WRONG_ERRNO] = "failed with an errno other than ENOMEM/EAGAIN",
		[NOT_INTACT] = "could not make the same call right after",
	};
	unsigned n, failed = 0;
	for (n = 1; n < 500; n++) {
		int v = victim(n, op);
		if (v == DONE || v == -1)
			break;
		if (v == FAILED_CLEANLY) {
			failed++;
		} else if (v != TOLERATED) {
			note("%s, allocation %u: %s", name, n,
			     v >= 0 && v <= NOT_INTACT && why[v] ? why[v] : "?");
			return false;
		}
	}
	note("%s: %u allocations, %u of them failing the call cleanly", name,
	     n - 1, failed);
	return failed > 0 && n < 500;
}

static int err(long r)
{
	return r < 0 ? -errno : 0;
}

static int op_fork(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return -errno;
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1000;
}

/* A thread that exits at once: clone with CLONE_CHILD_CLEARTID, whose
 * word the kernel zeroes when the thread is gone. */
static volatile int32_t ctid;
static uint8_t tstack[4096] __attribute__((aligned(16)));

static long clone_thread(void)
{
	long r;
	uint32_t flags = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 |
			 0x200000;  /* VM FS FILES SIGHAND THREAD SYSVSEM CHILD_CLEARTID */
	__asm__ volatile("push %%ebx\n\t"
			 "mov %2, %%ebx\n\t"
			 "int $0x80\n\t"
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "mov $1, %%eax\n\t"   /* the thread: exit(0) */
			 "xor %%ebx, %%ebx\n\t"
			 "int $0x80\n"
			 "1:\n\t"
			 "pop %%ebx"
			 : "=a"(r)
			 : "a"(__NR_clone), "r"(flags), "c"(tstack + sizeof(tstack)),
			   "d"(0), "S"(0), "D"(&ctid)
			 : "memory");
	return r;
}

static int op_thread(void)
{
	ctid = -1;
	long r = clone_thread();
	if (r < 0)
		return (int)r;
	for (int i = 0; ctid != 0 && i < 100000; i++)
		syscall(__NR_sched_yield);
	return ctid == 0 ? 0 : -1000;
}

static int op_mmap(void)
{
	void *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -errno;
	return err(munmap(p, 3 * 4096));
}

/* munmap of a mapping's middle page: one mapping becomes two. */
static int op_munmap_split(void)
{
	static uint8_t *p;
	if (!p) {  /* made once, before any failure is armed */
		p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1000;
	}
	int r = err(munmap(p + 4096, 4096));
	if (r == 0 && !armed_call)  /* whole again, for the armed call */
		r = mmap(p + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE |
			 MAP_ANONYMOUS | MAP_FIXED, -1, 0) == p + 4096 ? 0 : -1000;
	return r;
}

static int op_pipe(void)
{
	int fd[2];
	if (pipe(fd) < 0)
		return -errno;
	close(fd[0]);
	close(fd[1]);
	return 0;
}

static int op_open(void)
{
	int fd = open("/tmp/failsweep.f", O_RDWR | O_CREAT, 0600);
	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

/* A queued real-time signal carries its own allocated record: that
 * allocation failing is EAGAIN (Linux's rule), and the handler runs
 * exactly once when the call succeeds. */
static volatile int handled;

static void on_rt(int sig __attribute__((unused)))
{
	handled++;
}

static int op_signal(void)
{
	handled = 0;
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_code = -1;  /* SI_QUEUE */
	long r = syscall(__NR_rt_sigqueueinfo, getpid(), SIGRTMIN, &si);
	if (r < 0)
		return handled ? -1000 : -errno;
	return handled == 1 ? 0 : -1000;
}

static bool fork_sweep(void) { return sweep("fork", op_fork); }
static bool thread_sweep(void) { return sweep("clone(CLONE_THREAD)", op_thread); }
static bool mmap_sweep(void) { return sweep("mmap", op_mmap); }
static bool munmap_sweep(void) { return sweep("munmap split", op_munmap_split); }
static bool pipe_sweep(void) { return sweep("pipe", op_pipe); }
static bool open_sweep(void) { return sweep("open O_CREAT", op_open); }
static bool signal_sweep(void) { return sweep("rt_sigqueueinfo", op_signal); }

static const struct ktap_case cases[] = {
	{ "failnth.fork", fork_sweep },
	{ "failnth.clone_thread", thread_sweep },
	{ "failnth.mmap", mmap_sweep },
	{ "failnth.munmap_split", munmap_sweep },
	{ "failnth.pipe", pipe_sweep },
	{ "failnth.open_creat", open_sweep },
	{ "failnth.rt_sigqueueinfo", signal_sweep },
};

int main(void)
{
	nth_fd = open("/proc/thread-self/fail-nth", O_RDWR);
	if (nth_fd < 0) {
		printf("KTAP version 1\n1..0 # SKIP no /proc/thread-self/fail-nth "
		       "(a kernel without fault injection)\n0 passed, 0 failed\n");
		return 0;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_rt;
	sigaction(SIGRTMIN, &sa, NULL);
	int r = ktap_run(cases, KTAP_COUNT(cases));
	unlink("/tmp/failsweep.f");
	return r;
}
