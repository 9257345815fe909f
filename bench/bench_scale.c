/* bench/bench_scale.c: how fork+execve+exit+wait grows (make bench-scale,
 * the benchmark's "scale" group, not part of make bench): against the
 * size of the program's image (16 KiB to 16 MiB, exiting at once or
 * first reading every page), against the number of other live processes
 * (asleep on a pipe), and against the number of VMAs the forking process
 * has mapped (one-page anonymous mappings with gaps between them, so
 * none merge). One row each, as bench.c's:
 *	row scale:image-16K 38000
 */
#include <stdio.h>

#include "bench/bench.h"

static char *const no_env[] = { NULL };

/* n runs of fork, execve(path, argv), wait: per run, or -errno. */
static long spawn_n(char *const argv[], long n, uint64_t *per_op)
{
	uint64_t t = bench_start();
	for (long i = 0; i < n; i++) {
		long pid = sc(NR_fork, 0, 0, 0, 0, 0);
		if (pid == 0) {
			sc(NR_execve, (long)argv[0], (long)argv, (long)no_env, 0, 0);
			sc(NR_exit, 127, 0, 0, 0, 0);
		}
		if (pid < 0)
			return pid;
		int status;
		long r = sc(NR_wait4, pid, (long)&status, 0, 0, 0);
		if (r < 0)
			return r;
		if (status)
			return -10;  /* ECHILD-ish: the program failed */
	}
	*per_op = (bench_rdtsc() - t) / (uint64_t)n;
	bench_ops(n);
	return 0;
}

static void image_rows(void)
{
	static const char *const sizes[] = { "16K", "256K", "4M", "16M" };
	for (int i = 0; i < 4; i++) {
		char path[64], name[64];
		snprintf(path, sizeof(path), BENCH_BIN "/image-%s", sizes[i]);
		for (int touched = 0; touched < 2; touched++) {
			char *argv[] = { path, touched ? "touch" : NULL, NULL };
			uint64_t per;
			snprintf(name, sizeof(name), "scale:image-%s%s", sizes[i],
				 touched ? "-touched" : "");
			long r = spawn_n(argv, loops(i < 3 ? 20 : 5), &per);
			if (r < 0)
				row_na(name, "fork/execve/wait4", r);
			else
				row(name, per, 1);
		}
	}
}

static void process_rows(void)
{
	static const int counts[] = { 1, 16, 48, 256 };
	char *argv[] = { BENCH_BIN "/exit0", NULL };
	for (int i = 0; i < 4; i++) {
		int hold[2], ready[2];
		char name[64], c = 'r';
		snprintf(name, sizeof(name), "scale:processes-%d", counts[i]);
		if (sc(NR_pipe, (long)hold, 0, 0, 0, 0) < 0 ||
		    sc(NR_pipe, (long)ready, 0, 0, 0, 0) < 0) {
			row_na(name, "pipe", -1);
			continue;
		}
		long made = 1, r = 0;  /* this one counts */
		for (; made < counts[i]; made++) {
			long pid = sc(NR_fork, 0, 0, 0, 0, 0);
			if (pid == 0) {  /* asleep until the write end closes */
				sc(NR_close, hold[1], 0, 0, 0, 0);
				sc(NR_write, ready[1], (long)&c, 1, 0, 0);
				sc(NR_read, hold[0], (long)&c, 1, 0, 0);
				sc(NR_exit, 0, 0, 0, 0, 0);
			}
			if (pid < 0) {
				r = pid;
				break;
			}
		}
		/* every one of them started and asleep before the clock runs */
		for (long k = 1; k < made; k++)
			sc(NR_read, ready[0], (long)&c, 1, 0, 0);
		sc(NR_close, ready[0], 0, 0, 0, 0);
		sc(NR_close, ready[1], 0, 0, 0, 0);
		uint64_t per;
		if (!r)
			r = spawn_n(argv, loops(20), &per);
		if (r < 0)
			row_na(name, "fork", r);
		else
			row(name, per, 1);  /* its counters before they go */
		sc(NR_close, hold[0], 0, 0, 0, 0);
		sc(NR_close, hold[1], 0, 0, 0, 0);
		while (sc(NR_wait4, -1, 0, 0, 0, 0) > 0)
			;
	}
}

static void vma_rows(void)
{
	static const int counts[] = { 1, 64, 512, 4096 };
	char *argv[] = { BENCH_BIN "/exit0", NULL };
	for (int i = 0; i < 4; i++) {
		char name[64];
		int n = counts[i];
		snprintf(name, sizeof(name), "scale:vmas-%d", n);
		/* one reservation, then every other page made its own VMA */
		long base = sc6(NR_mmap2, 0, 2L * n * 4096, 0 /* PROT_NONE */,
				MAP_PRIVATE_ANON, -1, 0);
		if (SC_FAILED(base)) {
			row_na(name, "mmap2", base);
			continue;
		}
		long r = 0;
		for (int k = 0; k < n && r >= 0; k++)
			r = sc(NR_mprotect, base + 2L * k * 4096, 4096, PROT_RW, 0, 0);
		uint64_t per;
		if (r >= 0)
			r = spawn_n(argv, loops(20), &per);
		if (r < 0)
			row_na(name, "mprotect/fork", r);
		else
			row(name, per, 1);
		sc(NR_munmap, base, 2L * n * 4096, 0, 0, 0);
	}
}

void bench_scale(void)
{
	image_rows();
	process_rows();
	vma_rows();
}
