/* tests/bench.c: the benchmarks. Each measures many operations with the
 * TSC and prints the mean; tools/bench boots them under -icount. */
#include "tests/bench.h"

#include "kernel/arch/x86/cpu.h"
#include "exec/exec.h"
#include "kernel/console.h"
#include "mm/as.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "tests/uprog.h"

uint64_t bench_boot_tsc;

static struct uprog_result res;

static void report(const char *name, uint64_t total, unsigned ops)
{
	kprintf("bench %s: %llu per op (%u ops)\n", name, total / ops, ops);
}

/* Create a process from /bin/exit42, run it to its exit, reap it. */
static void bench_spawn(void)
{
	const char *const argv[] = { "exit42", NULL };
	enum { N = 50 };
	uprog_run("/bin/exit42", argv, &res);  /* warm the page cache */
	uint64_t t0 = rdtsc();
	for (int i = 0; i < N; i++)
		uprog_run("/bin/exit42", argv, &res);
	report("spawn+exit+wait", rdtsc() - t0, N);
}

/* Phase 1 of exec alone: look up, validate, build VMAs and the stack. */
static void bench_exec_prepare(void)
{
	static const char *const argv[] = { "exit42", NULL }, *const envp[] = { NULL };
	struct exec_args args = { argv, envp, false };
	struct exec_image img;
	enum { N = 50 };
	uint64_t t0 = rdtsc();
	for (int i = 0; i < N; i++) {
		if (exec_prepare("/bin/exit42", &args, &img) < 0) {
			kprintf("bench exec-prepare: exec failed\n");
			return;
		}
		exec_abandon(&img);
	}
	report("exec-prepare+abandon", rdtsc() - t0, N);

}

/* Run program with argv twice, with count "0" and then with count n in
 * its last argument; report the difference over n: the cost of one
 * iteration of whatever the program loops over. */
static void bench_loop(const char *name, const char *path, const char *mode,
		       unsigned n, const char *n_text)
{
	const char *args0[] = { path, mode ? mode : "0", mode ? "0" : NULL, NULL };
	const char *argsn[] = { path, mode ? mode : n_text, mode ? n_text : NULL, NULL };
	uint64_t t0 = rdtsc();
	uprog_run(path, args0, &res);
	uint64_t base = rdtsc() - t0;
	t0 = rdtsc();
	uprog_run(path, argsn, &res);
	uint64_t with = rdtsc() - t0;
	if (res.err || res.status != 0) {
		kprintf("bench %s: the program failed\n", name);
		return;
	}
	report(name, with > base ? with - base : 0, n);
}

/* Anonymous page faults, taken through copy_to_user exactly as a user
 * store would take them. */
static void bench_anon_fault(void)
{
	enum { PAGES = 512 };
	const vaddr_t base = 0x10000000;
	struct address_space *as = as_create();
	struct vma *v = vma_create(base, base + PAGES * PAGE_SIZE,
				   VMA_READ | VMA_WRITE, VMA_ANON);
	if (!as || !v || as_insert_vma(as, v) < 0) {
		kprintf("bench anon-fault: out of memory\n");
		return;
	}
	as_switch(as);
	uint32_t x = 1;
	uint64_t t0 = rdtsc();
	for (int i = 0; i < PAGES; i++)
		copy_to_user((void *)(base + i * PAGE_SIZE), &x, sizeof(x));
	report("anon-fault", rdtsc() - t0, PAGES);
	as_switch(NULL);
	as_destroy(as);
}

void bench_run(void)
{
	kprintf("bench boot-to-bench: %llu\n", rdtsc() - bench_boot_tsc);
	bench_exec_prepare();
	bench_spawn();
	bench_loop("getpid-syscall", "/bin/getpidloop", NULL, 2000, "2000");
	bench_loop("fork+exit+wait", "/bin/spawnloop", "fork", 50, "50");
	bench_loop("fork+execve+exit+wait", "/bin/spawnloop", "exec", 50, "50");
	bench_anon_fault();
	pagecache_shrink();
}
