/* user/threadtest.c: threads as a program sees them: pthreads on clone
 * and futex, thread ids, exit vs exit_group, execve and fork from a
 * thread of a process with several (futex itself: user/futextest.c). The same binary runs on Linux
 * (tools/check-user-on-host). Prints KTAP; exits 0 if every case passed.
 * `threadtest join1000` runs only the create/join loop; `threadtest
 * execed PID` is the program a multi-threaded execve lands in. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel/uapi/futex.h"
#include "ktap.h"

static char *self_path;  /* argv[0]: execve's target */

static long futex(volatile int *addr, int op, int val, const void *ts_or_n,
		  volatile int *addr2, int val3)
{
	return syscall(__NR_futex, addr, op, val, ts_or_n, addr2, val3);
}

/* Give the other threads time to reach their sleep: on pagoda's single
 * CPU a few rounds of yields do it; on a host, the callers retry. */
static void let_others_run(void)
{
	for (int i = 0; i < 20; i++)
		sched_yield();
}

/* Fork a child that runs fn and _exits with its result; return the wait
 * status, or -1. */
static int in_child(int (*fn)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		note("fork failed: errno %d", errno);
		return -1;
	}
	if (pid == 0)
		_exit(fn());
	int status;
	if (waitpid(pid, &status, 0) != pid) {
		note("waitpid failed: errno %d", errno);
		return -1;
	}
	return status;
}

/* ---- 8 threads, one counter ---- */

#define NTHREADS 8
#define ROUNDS 2000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int counter;

static void *add_rounds(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		int v = counter;
		if (i % 64 == 0)
			sched_yield();  /* others find the lock taken and sleep */
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return arg;
}

static bool counter_under_a_futex_mutex_is_exact(void)
{
	pthread_t t[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		int err = pthread_create(&t[i], NULL, add_rounds, &t[i]);
		if (err) {
			note("pthread_create: %d", err);
			return false;
		}
	}
	bool ok = true;
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		ok &= pthread_join(t[i], &r) == 0 && r == &t[i];
	}
	if (counter != NTHREADS * ROUNDS)
		note("counter %d, want %d", counter, NTHREADS * ROUNDS);
	return ok && counter == NTHREADS * ROUNDS;
}

/* ---- ids ---- */

static volatile int thread_pid, thread_tid;

static void *report_ids(void *arg __attribute__((unused)))
{
	thread_pid = getpid();
	thread_tid = gettid();
	errno = 1234;  /* each thread has its own */
	return NULL;
}

static bool getpid_is_the_group_gettid_the_thread(void)
{
	pthread_t t;
	errno = 0;
	if (pthread_create(&t, NULL, report_ids, NULL) || pthread_join(t, NULL))
		return false;
	bool ok = thread_pid == getpid() && gettid() == getpid() &&
		  thread_tid != getpid() && thread_tid > 0 && errno == 0;
	if (!ok)
		note("pid %d tid %d; thread: pid %d tid %d; errno %d", getpid(),
		     gettid(), thread_pid, thread_tid, errno);
	long r = syscall(__NR_set_tid_address, NULL);
	if (r != gettid()) {
		note("set_tid_address returned %ld", r);
		ok = false;
	}
	return ok;
}

/* ---- stdio from several threads ---- */

#define WRITERS 4
#define LINES 500

static FILE *shared_file;

static void *write_lines(void *arg)
{
	for (int i = 0; i < LINES; i++) {
		fprintf(shared_file, "thread %ld line %d\n", (long)arg, i);
		if (i % 50 == 0)
			sched_yield();
	}
	return NULL;
}

/* Four threads print into one FILE at once: every line arrives whole
 * (one fprintf holds the FILE's lock throughout), in each thread's order,
 * and none is lost. */
static bool threads_share_a_file_without_losing_a_line(void)
{
	static const char path[] = "/tmp/threadtest-stdio";
	shared_file = fopen(path, "w");
	if (!shared_file)
		return false;
	pthread_t t[WRITERS];
	for (long i = 0; i < WRITERS; i++)
		pthread_create(&t[i], NULL, write_lines, (void *)i);
	for (int i = 0; i < WRITERS; i++)
		pthread_join(t[i], NULL);
	fclose(shared_file);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int next[WRITERS] = { 0 }, bad = 0, total = 0;
	while (f && getline(&line, &cap, f) > 0) {
		long who = -1;
		int n = -1;
		char *p = line + 7;  /* after "thread " */
		if (strncmp(line, "thread ", 7) == 0) {
			who = strtol(p, &p, 10);
			if (strncmp(p, " line ", 6) == 0)
				n = (int)strtol(p + 6, &p, 10);
		}
		if (who < 0 || who >= WRITERS || n != next[who] || *p != '\n')
			bad++;
		else
			next[who]++;
		total++;
	}
	free(line);
	if (f)
		fclose(f);
	unlink(path);
	if (bad || total != WRITERS * LINES)
		note("%d lines, %d out of order or torn", total, bad);
	return !bad && total == WRITERS * LINES;
}

/* ---- create and join, many times ---- */

static void *twice(void *arg)
{
	return (void *)((long)arg * 2);
}

static bool create_join_1000_times(void)
{
	for (long i = 0; i < 1000; i++) {
		pthread_t t;
		void *r;
		int err = pthread_create(&t, NULL, twice, (void *)i);
		if (err || pthread_join(t, &r) || (long)r != 2 * i) {
			note("round %ld: create %d, result %ld", i, err, (long)r);
			return false;
		}
	}
	return true;
}

/* ---- exit_group with threads blocked ---- */

static void *block_in_futex(void *arg __attribute__((unused)))
{
	static volatile int never;
	for (;;)
		futex(&never, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

static void *block_in_read(void *arg)
{
	char c;
	while (read(0, &c, 1) > 0)
		;  /* at end of input (a host's /dev/null): block elsewhere */
	return block_in_futex(arg);
}

static void *call_exit_group(void *arg __attribute__((unused)))
{
	let_others_run();
	syscall(__NR_exit_group, 3);
	return NULL;
}

static int exit_group_child(void)
{
	pthread_t t;
	pthread_create(&t, NULL, block_in_futex, NULL);
	pthread_create(&t, NULL, block_in_read, NULL);
	pthread_create(&t, NULL, call_exit_group, NULL);
	block_in_futex(NULL);  /* the main thread blocks too */
	return 99;
}

static bool exit_group_ends_threads_blocked_in_futex_and_read(void)
{
	int status = in_child(exit_group_child);
	if (status != W_EXITCODE(3, 0))
		note("status %#x, want %#x", status, W_EXITCODE(3, 0));
	return status == W_EXITCODE(3, 0);
}

/* exit() of the main thread alone: the process goes on, and the last
 * thread's exit() gives it its status (Linux since 5.19). */
static void *exit_later(void *arg __attribute__((unused)))
{
	let_others_run();
	syscall(__NR_exit, 9);
	return NULL;
}

static int main_thread_exits_first(void)
{
	pthread_t t;
	pthread_create(&t, NULL, exit_later, NULL);
	syscall(__NR_exit, 4);
	return 99;
}

static bool exit_ends_one_thread_and_the_last_ends_the_process(void)
{
	int status = in_child(main_thread_exits_first);
	if (status != W_EXITCODE(9, 0))
		note("status %#x, want %#x", status, W_EXITCODE(9, 0));
	return status == W_EXITCODE(9, 0);
}

/* ---- execve and fork from a thread ---- */

static volatile int leader_pid;

static void *exec_self(void *arg __attribute__((unused)))
{
	char pid[16];
	snprintf(pid, sizeof(pid), "%d", leader_pid);
	char *argv[] = { self_path, "execed", pid, NULL };
	let_others_run();
	execve(self_path, argv, (char *[]){ NULL });
	return NULL;  /* failed: the child then exits 99 */
}

static int exec_with_four_threads(void)
{
	pthread_t t;
	leader_pid = getpid();
	pthread_create(&t, NULL, block_in_futex, NULL);
	pthread_create(&t, NULL, block_in_futex, NULL);
	pthread_create(&t, NULL, exec_self, NULL);
	block_in_futex(NULL);
	return 99;
}

static bool execve_from_a_thread_ends_the_others(void)
{
	int status = in_child(exec_with_four_threads);
	if (status != W_EXITCODE(0, 0))
		note("status %#x, want 0", status);
	return status == W_EXITCODE(0, 0);
}

/* What execed lands in: it is the leader now, alone, with the pid. */
static int execed(const char *pid)
{
	int want = atoi(pid);
	return getpid() == want && gettid() == want ? 0 : 1;
}

static volatile int fork_status = -1;

static void *fork_here(void *arg __attribute__((unused)))
{
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* Only this thread was copied: its exit() ends the child. */
		int ok = getppid() == parent && gettid() == getpid();
		syscall(__NR_exit, ok ? 5 : 6);
	}
	int status;
	if (pid > 0 && waitpid(pid, &status, 0) == pid)
		fork_status = status;
	return NULL;
}

static bool fork_from_a_thread_copies_only_that_thread(void)
{
	pthread_t t;
	fflush(stdout);
	if (pthread_create(&t, NULL, fork_here, NULL) || pthread_join(t, NULL))
		return false;
	if (fork_status != W_EXITCODE(5, 0))
		note("status %#x, want %#x", fork_status, W_EXITCODE(5, 0));
	return fork_status == W_EXITCODE(5, 0);
}

static const struct ktap_case cases[] = {
	{ "threads.counter_under_a_futex_mutex_is_exact",
	  counter_under_a_futex_mutex_is_exact },
	{ "threads.getpid_is_the_group_gettid_the_thread",
	  getpid_is_the_group_gettid_the_thread },
	{ "threads.create_join_1000_times", create_join_1000_times },
	{ "threads.share_a_file_without_losing_a_line",
	  threads_share_a_file_without_losing_a_line },
	{ "threads.exit_group_ends_threads_blocked_in_futex_and_read",
	  exit_group_ends_threads_blocked_in_futex_and_read },
	{ "threads.exit_ends_one_thread_and_the_last_ends_the_process",
	  exit_ends_one_thread_and_the_last_ends_the_process },
	{ "threads.execve_from_a_thread_ends_the_others",
	  execve_from_a_thread_ends_the_others },
	{ "threads.fork_from_a_thread_copies_only_that_thread",
	  fork_from_a_thread_copies_only_that_thread },
};

int main(int argc, char **argv)
{
	self_path = argv[0];
	if (argc == 3 && strcmp(argv[1], "execed") == 0)
		return execed(argv[2]);
	if (argc == 2 && strcmp(argv[1], "join1000") == 0) {
		static const struct ktap_case one[] = {
			{ "threads.create_join_1000_times",
			  create_join_1000_times },
		};
		return ktap_run(one, 1);
	}
	return ktap_run(cases, KTAP_COUNT(cases));
}

