/* bench/bench.c: the benchmark `make bench` runs as init on pagoda and on
 * Linux, unmodified: a static i386 program on pagoda's libc that times each
 * operation with rdtsc. Under QEMU's -icount shift=0,sleep=off the TSC
 * counts guest instructions, so every figure is an instruction count that
 * repeats exactly run to run. One line per operation:
 *
 *	row NAME INSTRUCTIONS-PER-OPERATION
 *	row NAME n/a REASON
 *
 * An operation the kernel cannot do prints n/a with the errno it gave,
 * never a figure. `bench SCALE` divides every loop count by SCALE (make
 * test runs it with a large SCALE, to prove every row runs); `bench SCALE
 * GROUP` runs one group of rows only (getppid, fork, exec, vfork, spawn,
 * anon, threads, pipe, signal: tools/bench-profile uses it; scale, the
 * growth rows of bench_scale.c, runs only when named: make bench-scale). */
#include <errno.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench/bench.h"

static int scale = 1;
static const char *only;  /* the one group to run, or NULL: all */

static int want(const char *group)
{
	return !only || strcmp(only, group) == 0;
}

uint64_t bench_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#define rdtsc bench_rdtsc

/* The kernel's memory counters (pagoda's /proc/vmstat), read around each
 * timed loop, outside it: each row is followed by a line
 *	vm NAME counter=per-operation ...
 * of the counters that moved. Linux's run has no /proc mounted: no lines. */
#define VM_MAX 24
static char vm_names[VM_MAX][24];
static unsigned long vm_before[VM_MAX];
static int vm_count = -1;  /* -1: no /proc/vmstat */
static long vm_ops;        /* the loop's count when row() is told 1 */
static unsigned long vm_bias[VM_MAX];  /* what one read itself counts */

static int vm_read(unsigned long *v)
{
	char buf[1024];
	long fd = sc(5 /* open */, (long)"/proc/vmstat", 0, 0, 0, 0);
	if (fd < 0)
		return -1;
	long n = sc(NR_read, fd, (long)buf, sizeof(buf) - 1, 0, 0);
	sc(NR_close, fd, 0, 0, 0, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	int k = 0;
	for (char *p = buf; *p && k < VM_MAX;) {
		char *sp = strchr(p, ' '), *nl = strchr(p, '\n');
		if (!sp || !nl || sp > nl)
			break;
		size_t len = (size_t)(sp - p) < sizeof(vm_names[0]) - 1 ?
			     (size_t)(sp - p) : sizeof(vm_names[0]) - 1;
		memcpy(vm_names[k], p, len);
		vm_names[k][len] = '\0';
		v[k++] = strtoul(sp + 1, NULL, 10);
		p = nl + 1;
	}
	return k;
}

uint64_t bench_start(void)
{
	static int calibrated;
	if (!calibrated) {  /* reading the file moves a counter or two */
		unsigned long a[VM_MAX], b[VM_MAX];
		calibrated = 1;
		if (vm_read(a) > 0 && vm_read(b) > 0)
			for (int i = 0; i < VM_MAX; i++)
				vm_bias[i] = b[i] - a[i];
	}
	vm_count = vm_read(vm_before);
	vm_ops = 0;
	return bench_rdtsc();
}

void bench_ops(long n)
{
	vm_ops = n;
}

static void vm_report(const char *name, long ops)
{
	unsigned long after[VM_MAX];
	if (vm_count <= 0 || vm_read(after) != vm_count)
		return;
	if (vm_ops)
		ops = vm_ops;
	printf("vm %s", name);
	for (int i = 3; i < vm_count; i++) {  /* past Linux's three totals */
		unsigned long d = after[i] - vm_before[i];
		d = d > vm_bias[i] ? d - vm_bias[i] : 0;
		if (d && d % ops == 0)
			printf(" %s=%lu", vm_names[i], d / ops);
		else if (d)
			printf(" %s=%lu.%02lu", vm_names[i], d / ops,
			       d % ops * 100 / ops);
	}
	printf("\n");
	fflush(stdout);
}

/* The raw system call: the same int 0x80 on both kernels, result or
 * -errno, nothing from the C library in between. */
long sc(long n, long a, long b, long c, long d, long e)
{
	long r;
	__asm__ volatile("int $0x80"
			 : "=a"(r)
			 : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

/* The six-argument form: ebp carries the sixth, and every other register
 * is taken, so the number and the sixth argument travel in memory. */
long sc6(long n, long a, long b, long c, long d, long e, long f)
{
	long nf[2] = { n, f }, r;
	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov (%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(r)
			 : "a"(nf), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

void row(const char *name, uint64_t insns, long ops)
{
	printf("row %s %llu\n", name,
	       (unsigned long long)((insns + (uint64_t)ops / 2) / (uint64_t)ops));
	fflush(stdout);  /* each row out before the next operation runs */
	vm_report(name, ops);
}

void row_na(const char *name, const char *why, long err)
{
	if (err)
		printf("row %s n/a %s: %s\n", name, why, strerror((int)-err));
	else
		printf("row %s n/a %s\n", name, why);
	fflush(stdout);
}

long loops(long n)
{
	long k = n / scale;
	return k > 0 ? k : 1;
}

static char *const no_env[] = { NULL };

/* Run path (argv[0] = path) in a child made with fork, and wait. Returns
 * 0 or -errno of the first call that failed. */
long spawn_wait(const char *path)
{
	char *const argv[] = { (char *)path, NULL };
	long pid = sc(NR_fork, 0, 0, 0, 0, 0);
	if (pid == 0) {
		sc(NR_execve, (long)path, (long)argv, (long)no_env, 0, 0);
		sc(NR_exit, 127, 0, 0, 0, 0);
	}
	if (pid < 0)
		return pid;
	int status;
	long r = sc(NR_wait4, pid, (long)&status, 0, 0, 0);
	if (r < 0)
		return r;
	return status == 0 ? 0 : -ECHILD;
}

static void bench_getppid(void)
{
	long n = loops(20000);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++)
		sc(NR_getppid, 0, 0, 0, 0, 0);
	row("getppid", rdtsc() - t, n);
}

static void bench_fork(void)
{
	long n = loops(200);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		long pid = sc(NR_fork, 0, 0, 0, 0, 0);
		if (pid == 0)
			sc(NR_exit, 0, 0, 0, 0, 0);
		if (pid < 0) {
			row_na("fork+exit+wait", "fork", pid);
			return;
		}
		sc(NR_wait4, pid, 0, 0, 0, 0);
	}
	row("fork+exit+wait", rdtsc() - t, n);
}

/* fork+execve+exit+wait of path, per operation, or -errno. */
static long time_spawn(const char *path, long n, uint64_t *per_op)
{
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		long r = spawn_wait(path);
		if (r < 0)
			return r;
	}
	*per_op = (rdtsc() - t) / (uint64_t)n;
	vm_ops = n;
	return 0;
}

static void bench_exec(void)
{
	uint64_t small, big, text;
	long n = loops(100), r;
	if ((r = time_spawn(BENCH_BIN "/exit0", n, &small)) < 0) {
		row_na("fork+execve+exit+wait", "exit0", r);
		return;
	}
	row("fork+execve+exit+wait", small, 1);
	if ((r = time_spawn(BENCH_BIN "/bigbss", loops(20), &big)) < 0)
		row_na("exec-64MiB-bss", "bigbss", r);
	else
		row("exec-64MiB-bss", big, 1);
	/* bigtext calls one function on each of its 1024 text pages: what it
	 * costs beyond exit0 is those first-touch faults (and their unmap) */
	if ((r = time_spawn(BENCH_BIN "/bigtext", loops(10), &text)) < 0)
		row_na("file-text-fault", "bigtext", r);
	else
		row("file-text-fault", text > small ? text - small : 0,
		    BIGTEXT_PAGES);
}

/* vfork: the child runs on the parent's stack until execve, so the
 * whole child side is one asm block that touches no memory. */
static long vfork_exec(const char *path, char *const argv[])
{
	long r;
	__asm__ volatile("int $0x80\n\t"        /* vfork */
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "mov %[nexec], %%eax\n\t"
			 "int $0x80\n\t"        /* execve(path, argv, envp) */
			 "mov %[nexit], %%eax\n\t"
			 "mov $127, %%ebx\n\t"
			 "int $0x80\n"
			 "1:"
			 : "=a"(r)
			 : "a"(NR_vfork), "b"(path), "c"(argv), "d"(no_env),
			   [nexec] "i"(NR_execve), [nexit] "i"(NR_exit)
			 : "memory");
	return r;
}

static void bench_vfork(void)
{
	char *const argv[] = { BENCH_BIN "/exit0", NULL };
	long n = loops(100);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		long pid = vfork_exec(argv[0], argv);
		if (pid < 0) {
			row_na("vfork+execve+exit+wait", "vfork", pid);
			return;
		}
		sc(NR_wait4, pid, 0, 0, 0, 0);
	}
	row("vfork+execve+exit+wait", rdtsc() - t, n);
}

static void bench_spawn(void)
{
	char *const argv[] = { BENCH_BIN "/exit0", NULL };
	long n = loops(100);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		pid_t pid;
		int r = posix_spawn(&pid, argv[0], NULL, NULL, argv, no_env);
		if (r) {
			row_na("posix_spawn", "posix_spawn", -r);
			return;
		}
		sc(NR_wait4, pid, 0, 0, 0, 0);
	}
	row("posix_spawn", rdtsc() - t, n);
}

static void bench_anon(void)
{
	long pages = (64 << 20) / 4096;
	long p = sc6(NR_mmap2, 0, 64 << 20, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
	if (SC_FAILED(p)) {
		row_na("anon-fault", "mmap2", p);
		row_na("munmap-64MiB", "mmap2", p);
		return;
	}
	volatile char *m = (volatile char *)p;
	uint64_t t = bench_start();
	for (long i = 0; i < pages; i++)
		m[i * 4096] = 1;
	row("anon-fault", rdtsc() - t, pages);
	t = bench_start();
	sc(NR_munmap, p, 64 << 20, 0, 0, 0);
	row("munmap-64MiB", rdtsc() - t, 1);
}

static void bench_pipe(void)
{
	int up[2], down[2];
	long r = sc(NR_pipe, (long)up, 0, 0, 0, 0);
	if (r == 0)
		r = sc(NR_pipe, (long)down, 0, 0, 0, 0);
	if (r < 0) {
		row_na("pipe-pingpong", "pipe", r);
		return;
	}
	long n = loops(2000);
	long pid = sc(NR_fork, 0, 0, 0, 0, 0);
	char c = 'x';
	if (pid == 0) {
		for (long i = 0; i < n; i++) {
			sc(NR_read, down[0], (long)&c, 1, 0, 0);
			sc(NR_write, up[1], (long)&c, 1, 0, 0);
		}
		sc(NR_exit, 0, 0, 0, 0, 0);
	}
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		sc(NR_write, down[1], (long)&c, 1, 0, 0);
		if (sc(NR_read, up[0], (long)&c, 1, 0, 0) != 1) {
			row_na("pipe-pingpong", "read", -EIO);
			break;
		}
		if (i == n - 1)
			row("pipe-pingpong", rdtsc() - t, n);
	}
	sc(NR_wait4, pid, 0, 0, 0, 0);
	for (int i = 0; i < 2; i++) {
		sc(NR_close, up[i], 0, 0, 0, 0);
		sc(NR_close, down[i], 0, 0, 0, 0);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1)
		scale = atoi(argv[1]) > 0 ? atoi(argv[1]) : 1;
	if (argc > 2)
		only = argv[2];
	printf("bench: start (scale %d)\n", scale);
	if (want("getppid"))
		bench_getppid();
	if (want("fork"))
		bench_fork();
	if (want("exec"))
		bench_exec();
	if (want("vfork"))
		bench_vfork();
	if (want("spawn"))
		bench_spawn();
	if (want("anon"))
		bench_anon();
	if (want("threads"))
		bench_threads();
	if (want("pipe"))
		bench_pipe();
	if (want("signal"))
		bench_signal();
	if (only && strcmp(only, "scale") == 0)  /* only when asked */
		bench_scale();
	printf("bench: done\n");
	if (sc(NR_getpid, 0, 0, 0, 0, 0) == 1)  /* init on Linux: power off */
		sc(NR_reboot, 0xfee1dead, 0x28121969, 0x4321fedc, 0, 0);
	return 0;
}
