/* user/sysfuzz.c: the system-call fuzzer (docs/testing.md). From a seed,
 * run batches: each batch is a forked child, in a process group of its
 * own, that makes N random system calls (user/sysfuzz_calls.h, arguments
 * from user/sysfuzz_gen.h) and sometimes then runs a random instruction
 * sequence loading segment registers and EFLAGS bits
 * (user/sysfuzz_insn.h). Whatever the child does to itself, the parent
 * reaps it and goes on; a ticking SIGALRM (every 10 ms) breaks the child
 * out of blocking calls, and a child still alive after 0.5 s is killed with
 * its whole group. The kernel must survive: a kernel that panics, hangs
 * or leaks is the finding, seen by whoever booted it (make fuzz, or the
 * KTEST case in tests/fuzz_test.c that checks frames and heap bytes).
 * The one finding this program sees itself, a child that SIGKILL does
 * not end, is printed with the seed, the batch and the last 16 calls.
 * Batch B of seed S is the same calls every time: `sysfuzz -s S -b B -n 1
 * -v` replays it, printing each call before it is made.
 *
 * usage: sysfuzz [-s seed] [-b first-batch] [-n batches] [-c calls]
 *                [-t seconds] [-v] [-p]
 * -n 0 (the default with -t) runs until -t seconds have passed; -p prints
 * each batch number (for make fuzz's log). Prints KTAP. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sysfuzz_calls.h"
#include "sysfuzz_insn.h"

#define RING 16
#define LOGFD 200
#define RING_HINT 0x40000000u

/* The last calls made by any child, in a mapping every child shares. */
struct fz_rec {
	int32_t pid;
	uint32_t batch, idx, nr;
	uint32_t a[6];
	int32_t ret;
	uint32_t done;
};
struct fz_ring {
	uint32_t n;
	struct fz_rec r[RING];
};

static struct {
	uint32_t seed, first, batches, calls, seconds;
	int verbose, progress;
} opt = { 1, 0, 20, 40, 0, 0, 0 };

static struct fz_ring *ring;
static struct fz_env env;
/* Read by sf_raw right after the call: in a child the call created
 * (fork, clone, vfork returned 0), exit at once without touching the
 * stack, which may be shared or garbage. */
volatile uint32_t sf_exit_child;

/* sf_raw(nr, a): int 0x80 with all six arguments (ebp included). */
long sf_raw(uint32_t nr, const uint32_t *a);
__asm__(".text\n.globl sf_raw\nsf_raw:\n"
	"push %ebp\npush %ebx\npush %esi\npush %edi\n"
	"mov 20(%esp), %eax\nmov 24(%esp), %ecx\n"
	"mov 0(%ecx), %ebx\nmov 8(%ecx), %edx\nmov 12(%ecx), %esi\n"
	"mov 16(%ecx), %edi\nmov 20(%ecx), %ebp\nmov 4(%ecx), %ecx\n"
	"int $0x80\n"
	"test %eax, %eax\njnz 1f\ncmpl $0, sf_exit_child\nje 1f\n"
	"mov $1, %eax\nxor %ebx, %ebx\nint $0x80\n"
	"1:\npop %edi\npop %esi\npop %ebx\npop %ebp\nret\n");

static void on_alarm(int sig)
{
	(void)sig;
}

static void log_line(const char *fmt, uint32_t a, uint32_t b, const char *s,
		     const uint32_t *v, int nv)
{
	char buf[200];
	int n = snprintf(buf, sizeof(buf), fmt, a, b, s);
	for (int i = 0; i < nv && n < (int)sizeof(buf) - 16; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%#x", i ? ", " : "",
			      v[i]);
	if (nv >= 0)
		n += snprintf(buf + n, sizeof(buf) - n, ")");
	write(LOGFD, buf, n);
}

static const char *call_name(uint32_t nr)
{
	for (int i = 0; i < FZ_NCALLS; i++)
		if (fz_calls[i].nr == nr)
			return fz_calls[i].name;
	return "?";
}

/* Whether a child this call creates must exit at once. A plain fork of
 * the batch's child goes on fuzzing (with its own stream of calls). */
static uint32_t must_exit_child(uint32_t nr, const uint32_t *a)
{
	if (nr == __NR_fork)
		return env.depth > 0;
	if (nr == __NR_clone)
		return env.depth > 0 || (a[0] & 0x4100) || a[1] != 0;
	return nr == __NR_vfork || nr == __NR_clone3;
}

static void start_ticker(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_alarm;  /* no SA_RESTART: blocking calls end */
	sigaction(SIGALRM, &sa, NULL);
	uint32_t it[4] = { 0, 10000, 0, 10000 };  /* every 10 ms */
	syscall(__NR_setitimer, 0 /* ITIMER_REAL */, it, NULL);
}

static void do_call(uint32_t batch, uint32_t idx)
{
	uint32_t a[6];
	const struct fz_call *c = gen_call(&env, a);
	struct fz_rec *r = &ring->r[__atomic_fetch_add(&ring->n, 1,
						       __ATOMIC_RELAXED) % RING];
	*r = (struct fz_rec){ env.pid, batch, idx, c->nr,
			      { a[0], a[1], a[2], a[3], a[4], a[5] }, 0, 0 };
	if (opt.verbose)
		log_line("%u.%u %s(", batch, idx, c->name, a,
			 (int)strlen(c->args));
	sf_exit_child = must_exit_child(c->nr, a);
	long ret = sf_raw(c->nr, a);
	sf_exit_child = 0;
	if (r->pid == env.pid && r->idx == idx)
		r->ret = (int32_t)ret, r->done = 1;
	if (opt.verbose)
		log_line(" = %d\n", (uint32_t)ret, 0, "", NULL, -1);
	if (c->nr != __NR_fork && c->nr != __NR_clone)
		return;
	if (ret > 0) {
		env.last_child = (int)ret;
	} else if (ret == 0) {  /* the batch child's fork: fuzz on */
		env.depth = 1;
		env.pid = env.tid = getpid();
		env.last_child = 0;
		fz_state ^= 0x5deece66dull;
		start_ticker();
	}
}

static uint8_t *map(uint32_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* The child's memory, fds and timer, all from the batch's seed. */
static int setup_child(void)
{
	int null = open("/dev/null", O_RDWR);
	if (opt.verbose)
		dup2(1, LOGFD);
	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	if (null > 2)
		close(null);
	env.rw = map((RW_PAGES + 1) * PG, PROT_READ | PROT_WRITE);
	env.ro = map(PG, PROT_READ | PROT_WRITE);
	uint8_t *hole = map(PG, PROT_READ);
	if (!env.rw || !env.ro || !hole)
		return -1;
	env.guard = env.rw + RW_PAGES * PG;
	mprotect(env.guard, PG, PROT_NONE);
	for (uint32_t i = 0; i < RW_PAGES * PG; i++)
		env.rw[i] = (uint8_t)rnd();
	memcpy(env.ro, env.rw, PG);
	mprotect(env.ro, PG, PROT_READ);
	munmap(hole, PG);
	env.hole = (uint32_t)hole;
	int p[2];
	pipe(p);                                   /* 3, 4 */
	open("/dev/zero", O_RDWR);                 /* 5 */
	open("/tmp/fz/a", O_RDWR | O_CREAT, 0644); /* 6 */
	open("/proc/self/maps", O_RDONLY);         /* 7 */
	open("/", O_RDONLY | O_DIRECTORY);         /* 8 */
	env.nfds = 9;
	env.pid = env.tid = getpid();
	env.ppid = getppid();
	env.last_child = 0;
	env.depth = 0;
	int local;
	env.stack = (uint32_t)&local;
	env.text = (uint32_t)setup_child;
	start_ticker();
	return 0;
}

/* The instruction phase: a TLS entry to load and empty, then the code. */
static void run_code(uint32_t batch)
{
	uint8_t *code = map(PG, PROT_READ | PROT_WRITE | PROT_EXEC);
	if (!code)
		return;
	uint32_t *desc = (uint32_t *)slot(&env, 6);
	desc[0] = 0xffffffff, desc[1] = 0, desc[2] = 0xfffff, desc[3] = 0x51;
	if (syscall(__NR_set_thread_area, desc) != 0)
		desc[0] = 6;
	desc[4] = desc[0], desc[5] = 0, desc[6] = 0, desc[7] = 0x28;
	gen_code(code, 1 + rn(24), desc, (uint32_t)env.rw);
	if (opt.verbose) {  /* the bytes, for objdump -D -b binary -mi386 */
		char hex[3 * 64 + 2];
		int len = snprintf(hex, sizeof(hex), "%u code at %#x, TLS entry "
				   "%u:\n", batch, (uint32_t)code, desc[0]);
		write(LOGFD, hex, len);
		for (int i = 0, n = 0; i < (int)PG && n < 40; i += 64, n++) {
			int k = 0;
			for (int j = 0; j < 64; j++)
				k += snprintf(hex + k, 4, " %02x", code[i + j]);
			hex[k++] = '\n';
			write(LOGFD, hex, k);
			if (code[i + 63] == 0 && code[i + 62] == 0)
				break;  /* the rest is zeros */
		}
	}
	((void (*)(void))code)();
}

static void child_main(uint32_t batch)
{
	setpgid(0, 0);
	fz_seed((uint64_t)opt.seed << 32 | batch);
	if (setup_child() == 0) {
		for (uint32_t i = 0; i < opt.calls; i++)
			do_call(batch, i);
		if (env.depth == 0 && !rn(3))
			run_code(batch);
	}
	syscall(__NR_exit_group, 0);
}

static void print_ring(void)
{
	uint32_t n = ring->n;
	for (uint32_t i = n > RING ? n - RING : 0; i < n; i++) {
		const struct fz_rec *r = &ring->r[i % RING];
		printf("#   pid %d batch %u call %u: %s(%#x, %#x, %#x, %#x, %#x, %#x)",
		       r->pid, r->batch, r->idx, call_name(r->nr), r->a[0],
		       r->a[1], r->a[2], r->a[3], r->a[4], r->a[5]);
		if (r->done)
			printf(" = %d\n", r->ret);
		else
			printf(" (no return seen)\n");
	}
}

static struct { uint32_t batches, signalled, timeouts; } stats;

/* One batch; 0, or -1 when its child could not be ended (the finding). */
static int run_batch(uint32_t batch)
{
	mkdir("/tmp/fz", 0777);
	pid_t pid = fork();
	if (pid == 0)
		child_main(batch);
	if (pid < 0)
		return 0;  /* out of processes for now: try the next batch */
	int st;
	uint32_t limit[4] = { 0, 0, 0, 500000 };  /* 0.5 s, once */
	syscall(__NR_setitimer, 0 /* ITIMER_REAL */, limit, NULL);
	pid_t w = waitpid(pid, &st, 0);
	if (w < 0 && errno == EINTR) {
		stats.timeouts++;
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		alarm(5);
		w = waitpid(pid, &st, 0);
	}
	alarm(0);
	kill(-pid, SIGKILL);  /* its own children, if any are left */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;  /* CLONE_PARENT children are ours */
	if (w != pid) {
		printf("# FINDING: batch %u's child %d still alive 5 s after "
		       "SIGKILL\n", batch, pid);
		return -1;
	}
	stats.batches++;
	stats.signalled += WIFSIGNALED(st);
	if (opt.verbose)
		printf("# batch %u: status %#x\n", batch, st);
	return 0;
}

/* execve's targets include the ELF corpus (/corpus in the initrd). */
static void find_corpus(void)
{
	static char names[32][80];
	DIR *d = opendir("/corpus");
	struct dirent *de;
	int i = 0;
	while (d && (de = readdir(d)) && fz_nexec < (int)NELEM(fz_exec_paths)) {
		if (de->d_name[0] == '.' || i >= 32)
			continue;
		snprintf(names[i], sizeof(names[i]), "/corpus/%s", de->d_name);
		fz_exec_paths[fz_nexec++] = names[i++];
	}
	if (d)
		closedir(d);
}

/* rm -r path: what the children made in /tmp/fz (heap the kernel's leak
 * check would otherwise count). */
static void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	DIR *d = opendir(path);
	struct dirent *de;
	char sub[256];
	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		remove_tree(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static uint64_t now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec;
}

static void parse(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "s:b:n:c:t:vp")) != -1) {
		uint32_t v = optarg ? (uint32_t)strtoul(optarg, NULL, 0) : 0;
		switch (c) {
		case 's': opt.seed = v; break;
		case 'b': opt.first = v; break;
		case 'n': opt.batches = v; break;
		case 'c': opt.calls = v; break;
		case 't': opt.seconds = v; if (!v) break; opt.batches = 0; break;
		case 'v': opt.verbose = 1; break;
		case 'p': opt.progress = 1; break;
		default:
			fprintf(stderr, "usage: sysfuzz [-s seed] [-b first] "
				"[-n batches] [-c calls] [-t seconds] [-v] [-p]\n");
			exit(2);
		}
	}
}

int main(int argc, char **argv)
{
	parse(argc, argv);
	/* Far from where the children's own mappings go (just below the
	 * previous ones): mapped next to them, the ring sat right above the
	 * guard page, and a child that made the guard writable and then
	 * read a long buffer into its pages wrote over the ring (an hour's
	 * count once read 3.1 billion calls). */
	ring = mmap((void *)RING_HINT, sizeof(*ring), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ring == MAP_FAILED) {
		perror("sysfuzz: mmap");
		return 1;
	}
	struct sigaction sa = { 0 };
	sa.sa_handler = on_alarm;  /* no SA_RESTART: waitpid gives EINTR */
	sigaction(SIGALRM, &sa, NULL);
	find_corpus();
	printf("KTAP version 1\n1..1\n# sysfuzz -s %u -b %u -n %u -c %u -t %u\n",
	       opt.seed, opt.first, opt.batches, opt.calls, opt.seconds);
	fflush(stdout);
	uint64_t end = now_s() + opt.seconds;
	int found = 0;
	for (uint32_t b = opt.first; !opt.batches || b < opt.first + opt.batches;
	     b++) {
		if (opt.seconds && now_s() >= end)
			break;
		if (opt.progress)
			printf("# sysfuzz: seed %u batch %u\n", opt.seed, b);
		fflush(stdout);
		if (run_batch(b) < 0) {
			print_ring();
			printf("# reproduce: sysfuzz -s %u -b %u -n 1 -c %u -v\n",
			       opt.seed, b, opt.calls);
			found = 1;
			break;
		}
	}
	while (wait(NULL) > 0 || errno == EINTR)
		;
	remove_tree("/tmp/fz");
	printf("# seed %u: %u batches of up to %u calls, %u calls made, %u "
	       "ended by a signal, %u killed at the time limit\n", opt.seed,
	       stats.batches, opt.calls, ring->n, stats.signalled,
	       stats.timeouts);
	printf("%s 1 sysfuzz.seed_%u\n%d passed, %d failed\n",
	       found ? "not ok" : "ok", opt.seed, !found, found);
	return found;
}
