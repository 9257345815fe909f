/* user/stress/main.c: many processes at once, each doing a seeded random mix of
 * fork+exit+wait, fork+execve, pthread create+join, anonymous and file
 * mmap/touch/munmap (big ones too, and whole program files, which
 * fill the page cache), pipe transfers to a child, signals (a handled
 * SIGUSR1, a SIGKILL) and brk growth, checking every result it can (bytes
 * through pipes, exit statuses, memory contents).
 *
 *   stress [-s SEED] [-w WORKERS] [-r ROUNDS] [-t SECONDS]
 *
 * Run out of memory on purpose (a small machine): ENOMEM or EAGAIN from a
 * step is an allowed outcome (counted as "short"), and so is a worker or
 * child killed by SIGKILL from the OOM killer (counted as "killed"). A
 * wrong byte, a wrong status or any other error fails the one KTAP case.
 * Workers count in a shared page, so one the OOM killer ends keeps its
 * counts, and report through a pipe when they finish; at the end
 * the parent prints what /proc/vmstat counted meanwhile (reclaim, failed
 * allocations, out-of-memory kills), so a run shows they happened. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/ktap.h"
#include "user/stress/stress.h"
#include "user/vmstat.h"

static struct counts *slots;  /* one per worker, in a shared page */
static uint32_t opt_seed = 1;
static unsigned opt_workers = 4, opt_rounds = 40, opt_seconds;
static int res_fds[2];   /* the workers' counts come back through it */
static double run_end;   /* 0: a number of rounds */

/* Start worker slot w (its gen-th incarnation); its pid, or -1. */
static pid_t spawn(unsigned w, unsigned gen)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	close(res_fds[0]);
	cnt = &slots[w];
	worker(opt_seed * 7919 + w + gen * 104729, opt_rounds, run_end);
	if (write(res_fds[1], cnt, sizeof(*cnt)) != sizeof(*cnt))
		_exit(2);
	_exit(0);
}

/* Reap the workers; in a timed run one the OOM killer ended is started
 * again while time is left. Returns the slots that ended killed, or -1. */
static int reap_workers(pid_t *pids, unsigned *oom)
{
	unsigned live = opt_workers, gen = 0;
	int ended_killed = 0, bad = 0;
	while (live) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0)
			return note("waitpid workers: %d", errno), -1;
		unsigned w = 0;
		while (w < opt_workers && pids[w] != pid)
			w++;
		if (w == opt_workers)
			continue;
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			++*oom;
			if (run_end && now() < run_end) {
				pids[w] = spawn(w, ++gen);
				if (pids[w] > 0)
					continue;
			}
			ended_killed++;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			note("worker %u status %#x", w, status);
			bad = 1;
		}
		live--;
	}
	return bad ? -1 : ended_killed;
}

/* What the memory code did meanwhile (/proc/vmstat, mm/vmstat.h):
 * direct reclaim, frames it took back, allocations that failed even so,
 * processes killed for want of memory. */
static const char *const vm_names[] = {
	"allocstall", "pgsteal_direct", "alloc_fail", "oom_kill",
};
#define VM_N (sizeof(vm_names) / sizeof(vm_names[0]))

/* Start the workers, collect their counts, judge them. */
static bool stress_run(void)
{
	pid_t pids[MAX_WORKERS];
	struct counts sum, c;
	unsigned oom = 0;
	long vm_before[VM_N];
	memset(&sum, 0, sizeof(sum));
	vmstat_snapshot(vm_names, VM_N, vm_before);
	slots = mmap(NULL, MAX_WORKERS * sizeof(*slots), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (slots == MAP_FAILED)
		return note("mmap slots: %d", errno), false;
	if (pipe(res_fds))
		return note("pipe: %d", errno), false;
	run_end = opt_seconds ? now() + opt_seconds : 0;
	fflush(stdout);
	for (unsigned w = 0; w < opt_workers; w++) {
		pids[w] = spawn(w, 0);
		if (pids[w] < 0)
			return note("fork worker %u: %d", w, errno), false;
	}
	/* kept open while respawning; the reports (< 4 KiB) fit the pipe */
	int ended_killed = reap_workers(pids, &oom);
	close(res_fds[1]);
	unsigned reports = 0;
	while (read(res_fds[0], &c, sizeof(c)) == sizeof(c))
		reports++;
	close(res_fds[0]);
	for (unsigned w = 0; w < opt_workers; w++) {
		c = slots[w];
		for (int s = 0; s < NSTEPS; s++)
			sum.done[s] += c.done[s];
		sum.shorts += c.shorts;
		sum.killed += c.killed;
		if (c.bad && !sum.bad)
			memcpy(sum.why, c.why, sizeof(sum.why));
		sum.bad += c.bad;
	}
	note("seed %u, %u workers: %u reported, %u killed by OOM", opt_seed,
	     opt_workers, reports, oom);
	printf("# done:");
	for (int s = 0; s < NSTEPS; s++)
		printf(" %s %u", step_names[s], sum.done[s]);
	printf("\n");
	note("short (ENOMEM/EAGAIN) %u, children killed %u", sum.shorts,
	     sum.killed);
	vmstat_print_delta(vm_names, VM_N, vm_before);
	if (sum.bad)
		note("%u check failures, first: %s", sum.bad, sum.why);
	return !sum.bad && ended_killed >= 0 &&
	       reports + ended_killed == opt_workers;
}

int main(int argc, char **argv)
{
	int c;
	while ((c = getopt(argc, argv, "s:w:r:t:")) != -1) {
		switch (c) {
		case 's': opt_seed = strtoul(optarg, NULL, 0); break;
		case 'w': opt_workers = strtoul(optarg, NULL, 0); break;
		case 'r': opt_rounds = strtoul(optarg, NULL, 0); break;
		case 't': opt_seconds = strtoul(optarg, NULL, 0); break;
		default:
			fprintf(stderr, "usage: stress [-s SEED] [-w WORKERS] "
					"[-r ROUNDS] [-t SECONDS]\n");
			return 2;
		}
	}
	if (opt_workers < 1 || opt_workers > MAX_WORKERS)
		opt_workers = 4;
	const char *b = getenv("PAGODA_BIN");
	if (b)
		snprintf(bindir, sizeof(bindir), "%s", b);
	static const struct ktap_case cases[] = {
		{ "stress.workers_mix_checks_out", stress_run },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
