/* bench/bench_threads.c: threads and signals, with raw clone, futex and
 * rt_sigaction, so the same code runs on both kernels whatever their C
 * libraries offer. A thread here is what pthread_create makes, less TLS:
 * clone with the flags a C library passes, a stack from mmap, and join by
 * waiting on the clear-child-tid futex the kernel wakes at thread exit. */
#include "bench/bench.h"

#define CLONE_THREAD_FLAGS 0x00350f00  /* VM FS FILES SIGHAND THREAD SYSVSEM
					  PARENT_SETTID CHILD_CLEARTID */
#define STACK_SIZE (64 * 1024)

/* clone a thread that runs fn(arg) on the stack ending at top, then
 * exits; *tid gets its id now and 0 when it has ended. */
static long thread_start(void (*fn)(void *), void *arg, char *top,
			 volatile int *tid)
{
	uint32_t *sp = (uint32_t *)top;
	*--sp = (uint32_t)arg;
	*--sp = (uint32_t)fn;
	long r;
	__asm__ volatile("int $0x80\n\t"
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "pop %%eax\n\t"        /* the child, on its stack: fn */
			 "call *%%eax\n\t"      /* fn(arg) */
			 "mov $1, %%eax\n\t"    /* exit: this thread only */
			 "xor %%ebx, %%ebx\n\t"
			 "int $0x80\n"
			 "1:"
			 : "=a"(r)
			 : "a"(NR_clone), "b"(CLONE_THREAD_FLAGS), "c"(sp),
			   "d"(tid), "S"(0), "D"(tid)
			 : "memory");
	return r;
}

static void futex_wait(volatile int *w, int val)
{
	sc(NR_futex, (long)w, FUTEX_WAIT_PRIVATE, val, 0, 0);
}

static void futex_wake(volatile int *w)
{
	sc(NR_futex, (long)w, FUTEX_WAKE_PRIVATE, 1, 0, 0);
}

/* The kernel's wake at thread exit is a shared (not private) futex wake,
 * so the join waits with a shared FUTEX_WAIT, as glibc's does. */
static void thread_join(volatile int *tid)
{
	int v;
	while ((v = *tid) != 0)
		sc(NR_futex, (long)tid, FUTEX_WAIT, v, 0, 0);
}

static void nothing(void *arg)
{
	(void)arg;
}

static volatile int turn;  /* 0: the main thread's, 1: the partner's */
static long rounds;

static void partner(void *arg)
{
	(void)arg;
	for (long i = 0; i < rounds; i++) {
		while (turn == 0)
			futex_wait(&turn, 0);
		turn = 0;
		futex_wake(&turn);
	}
}

void bench_threads(void)
{
	long stack = sc6(NR_mmap2, 0, STACK_SIZE, PROT_RW, MAP_PRIVATE_ANON,
			 -1, 0);
	if (SC_FAILED(stack)) {
		row_na("pthread_create+join", "mmap2 for a stack", stack);
		row_na("futex-pingpong", "mmap2 for a stack", stack);
		return;
	}
	char *top = (char *)stack + STACK_SIZE;
	volatile int tid = 0;
	long n = loops(300);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		long r = thread_start(nothing, 0, top, &tid);
		if (r < 0) {
			row_na("pthread_create+join", "clone", r);
			row_na("futex-pingpong", "clone", r);
			goto out;
		}
		thread_join(&tid);
	}
	row("pthread_create+join", bench_rdtsc() - t, n);

	rounds = loops(2000);
	turn = 0;
	if (thread_start(partner, 0, top, &tid) < 0)
		goto out;
	t = bench_start();
	for (long i = 0; i < rounds; i++) {
		turn = 1;
		futex_wake(&turn);
		while (turn == 1)
			futex_wait(&turn, 1);
	}
	row("futex-pingpong", bench_rdtsc() - t, rounds);
	thread_join(&tid);
out:
	sc(NR_munmap, stack, STACK_SIZE, 0, 0, 0);
}

/* The kernel's i386 struct sigaction: handler, flags, restorer, mask. */
struct ksigaction {
	void (*handler)(int, void *, void *);
	uint32_t flags;
	void (*restorer)(void);
	uint32_t mask[2];
};

#define SIGUSR1 10
#define SA_SIGINFO 0x00000004   /* an rt_sigframe: returns through */
#define SA_RESTORER 0x04000000  /* rt_sigreturn, as glibc and musl do */

static volatile long delivered;

static void on_usr1(int sig, void *info, void *uc)
{
	(void)sig, (void)info, (void)uc;
	delivered++;
}

void bench_restorer(void);
__asm__(".text\n"
	"bench_restorer:\n\t"
	"mov $173, %eax\n\t"  /* rt_sigreturn */
	"int $0x80\n");

void bench_signal(void)
{
	struct ksigaction sa = { on_usr1, SA_SIGINFO | SA_RESTORER,
				 bench_restorer, { 0, 0 } };
	long r = sc(NR_rt_sigaction, SIGUSR1, (long)&sa, 0, 8, 0);
	if (r < 0) {
		row_na("signal-to-handler", "rt_sigaction", r);
		return;
	}
	long pid = sc(NR_getpid, 0, 0, 0, 0, 0), n = loops(2000);
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++)
		sc(NR_kill, pid, SIGUSR1, 0, 0, 0);
	uint64_t d = bench_rdtsc() - t;
	if (delivered != n)
		row_na("signal-to-handler", "the handler did not run each time",
		       0);
	else
		row("signal-to-handler", d, n);
}
