/* user/futextest.c: futex(2) as Linux defines it: errors and timeouts,
 * signals during a wait, requeue, wake_op, robust futexes, a word in a
 * copy-on-write page and one shared between processes. The same binary
 * runs on Linux (tools/check-user-on-host). Prints KTAP; exits 0 if every
 * case passed. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/uapi/futex.h"
#include "ktap.h"

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

/* ---- futex errors and timeouts ---- */

static volatile int word;

static bool futex_errors_are_linux_s(void)
{
	struct { long sec, nsec; } zero = { 0, 0 }, bad = { 0, 1000000000 },
				   neg = { -1, 0 }, ms = { 0, 10000000 };
	bool ok = true;
#define EXPECT_ERR(call, e)                                              \
	do {                                                             \
		errno = 0;                                               \
		long r_ = (call);                                        \
		if (r_ != -1 || errno != (e)) {                          \
			note("%s: %ld errno %d, want errno %d", #call,   \
			     r_, errno, (e));                            \
			ok = false;                                      \
		}                                                        \
	} while (0)
	word = 5;
	EXPECT_ERR(futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0), EAGAIN);
	EXPECT_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 5, &zero, NULL, 0),
		   ETIMEDOUT);
	EXPECT_ERR(futex(&word, FUTEX_WAIT, 5, &ms, NULL, 0), ETIMEDOUT);
	EXPECT_ERR(futex(&word, FUTEX_WAIT_BITSET, 5, &zero, NULL, -1),
		   ETIMEDOUT);  /* absolute: the epoch is long past */
	EXPECT_ERR(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5,
			 &zero, NULL, -1), ETIMEDOUT);
	EXPECT_ERR(futex(&word, FUTEX_WAIT, 5, &bad, NULL, 0), EINVAL);
	EXPECT_ERR(futex(&word, FUTEX_WAIT, 5, &neg, NULL, 0), EINVAL);
	EXPECT_ERR(futex(&word, FUTEX_WAIT_BITSET, 5, &zero, NULL, 0), EINVAL);
	EXPECT_ERR(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0), EINVAL);
	EXPECT_ERR(futex((int *)((char *)&word + 1), FUTEX_WAKE, 1, NULL,
			 NULL, 0), EINVAL);
	EXPECT_ERR(futex((int *)0xc0000000, FUTEX_WAIT, 0, NULL, NULL, 0),
		   EFAULT);
	EXPECT_ERR(futex((int *)16, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	EXPECT_ERR(futex(&word, FUTEX_WAIT, 5, (void *)16, NULL, 0), EFAULT);
	EXPECT_ERR(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL,
			 NULL, 0), ENOSYS);
	EXPECT_ERR(futex(&word, 99, 1, NULL, NULL, 0), ENOSYS);
	EXPECT_ERR(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word, 4),
		   EAGAIN);
	EXPECT_ERR(futex(&word, FUTEX_REQUEUE, -1, (void *)1, &word, 0),
		   EINVAL);
	EXPECT_ERR(futex(&word, FUTEX_WAKE_OP, 1, (void *)1, &word,
			 FUTEX_OP(7, 0, FUTEX_OP_CMP_EQ, 0)), ENOSYS);
	/* A private wake of an unmapped word finds nobody; a shared one
	 * needs the page. */
	errno = 0;
	if (futex((int *)16, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) != 0) {
		note("private wake at 16: errno %d", errno);
		ok = false;
	}
	EXPECT_ERR(futex((int *)16, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
	long r = syscall(__NR_futex_time64, &word, FUTEX_WAIT, 5,
			 (long long[]){ 0, 1000000 }, NULL, 0);
	if (r != -1 || errno != ETIMEDOUT) {
		note("futex_time64 wait: %ld errno %d", r, errno);
		ok = false;
	}
	return ok;
}

/* ---- absolute deadlines on either clock ---- */

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* FUTEX_WAIT_BITSET until the absolute time at on clock (with
 * FUTEX_CLOCK_REALTIME for CLOCK_REALTIME); true if it timed out no
 * earlier than at, and within 2 s of it (a 5 s alarm kills a wait that
 * took the deadline for another clock's). */
static bool wait_until(clockid_t clock, int64_t at)
{
	struct { long sec, nsec; } ts = { (long)(at / 1000000000),
					  (long)(at % 1000000000) };
	int op = FUTEX_WAIT_BITSET_PRIVATE |
		 (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
	word = 5;
	alarm(5);
	errno = 0;
	long r = futex(&word, op, 5, &ts, NULL, -1);
	int e = errno;
	alarm(0);
	int64_t now = now_ns(clock);
	bool ok = r == -1 && e == ETIMEDOUT && now >= at &&
		  now - at < 2000000000;
	if (!ok)
		note("clock %d: %ld errno %d, %lld ns after the deadline",
		     (int)clock, r, e, (long long)(now - at));
	return ok;
}

static bool absolute_deadlines_on_both_clocks(void)
{
	bool ok = wait_until(CLOCK_MONOTONIC, now_ns(CLOCK_MONOTONIC) + 30000000);
	ok &= wait_until(CLOCK_REALTIME, now_ns(CLOCK_REALTIME) + 30000000);
	ok &= wait_until(CLOCK_REALTIME, now_ns(CLOCK_REALTIME) - 1000000000);
	return ok;
}

/* ---- a signal during a wait ---- */

static volatile int sig_word, sig_count;

static void on_alarm(int sig __attribute__((unused)))
{
	sig_word = 1;  /* a restarted wait finds the word changed */
	sig_count++;
}

/* Arm SIGALRM (handler flags) in 20 ms, then FUTEX_WAIT on sig_word == 0
 * (with ts as timeout); returns the errno the wait ended with. */
static int wait_through_alarm(unsigned flags, const void *ts)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = (int)flags;
	sigaction(SIGALRM, &sa, NULL);
	sig_word = 0;
	long it[4] = { 0, 0, 0, 20000 };  /* interval 0, value 20 ms */
	syscall(__NR_setitimer, 0 /* ITIMER_REAL */, it, NULL);
	errno = 0;
	long r = futex(&sig_word, FUTEX_WAIT_PRIVATE, 0, ts, NULL, 0);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGALRM, &sa, NULL);
	return r == -1 ? errno : 0;
}

static bool a_signal_interrupts_or_restarts_a_wait(void)
{
	static const long five_s[2] = { 5, 0 };
	int plain = wait_through_alarm(0, NULL);
	int restarted = wait_through_alarm(SA_RESTART, NULL);
	int timed = wait_through_alarm(SA_RESTART, five_s);
	/* Linux: EINTR; restarted, the wait sees the handler's change
	 * (EAGAIN); a timed wait with a handler is never restarted. */
	bool ok = plain == EINTR && restarted == EAGAIN && timed == EINTR &&
		  sig_count == 3;
	if (!ok)
		note("errnos %d %d %d, %d signals", plain, restarted, timed,
		     sig_count);
	return ok;
}

/* ---- requeue and wake_op ---- */

static volatile int wq_a, wq_b, asleep, release;

/* Sleep on wq_a until release is set; count the sleeps that began. */
static void *sleep_on_a(void *arg __attribute__((unused)))
{
	__atomic_fetch_add(&asleep, 1, __ATOMIC_SEQ_CST);
	while (!release)
		futex(&wq_a, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

static bool start_sleepers(pthread_t *t, int n)
{
	asleep = release = 0;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, sleep_on_a, NULL))
			return false;
	while (asleep < n)
		sched_yield();
	let_others_run();
	return true;
}

static bool requeue_moves_waiters_to_another_word(void)
{
	pthread_t t[3];
	if (!start_sleepers(t, 3))
		return false;
	/* Move them all to wq_b (none woken); on a host, some may not be
	 * asleep yet: go on until all three were moved. */
	long moved = 0;
	for (int tries = 0; moved < 3 && tries < 1000; tries++) {
		long r = futex(&wq_a, FUTEX_CMP_REQUEUE_PRIVATE, 0,
			       (void *)3, &wq_b, 0);
		if (r < 0)
			break;
		moved += r;
		if (moved < 3)
			sched_yield();
	}
	long left_on_a = futex(&wq_a, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	release = 1;
	long one = futex(&wq_b, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	long rest = futex(&wq_b, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	if (moved != 3 || left_on_a != 0 || one != 1 || rest != 2)
		note("moved %ld, then woke %ld on a, %ld + %ld on b", moved,
		     left_on_a, one, rest);
	return moved == 3 && left_on_a == 0 && one == 1 && rest == 2;
}

static bool wake_op_changes_a_word_and_wakes(void)
{
	pthread_t t;
	bool ok = true;
	if (!start_sleepers(&t, 1))
		return false;
	/* SET is idempotent: retry until the sleeper is woken. */
	long woken = 0;
	for (int tries = 0; !woken && tries < 1000; tries++) {
		release = 1;
		woken = futex(&wq_a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &wq_b,
			      FUTEX_OP(FUTEX_OP_SET, 7, FUTEX_OP_CMP_EQ, 0));
		if (woken < 0)
			break;
	}
	pthread_join(t, NULL);
	ok &= woken == 1 && wq_b == 7;
	/* shift operand: 7 + (1 << 3); old 7 > 6: the comparison holds */
	long r = futex(&wq_a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &wq_b,
		       FUTEX_OP(FUTEX_OP_ADD | FUTEX_OP_OPARG_SHIFT, 3,
				FUTEX_OP_CMP_GT, 6));
	ok &= r == 0 && wq_b == 15;
	r = futex(&wq_a, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1, &wq_b,
		  FUTEX_OP(FUTEX_OP_ANDN, 5, FUTEX_OP_CMP_LT, 0));
	ok &= r == 0 && wq_b == 10;
	if (!ok)
		note("woken %ld, word %d", woken, wq_b);
	wq_b = 0;
	return ok;
}

/* ---- robust futexes ---- */

/* A robust list as a C library keeps it: the head, one entry whose
 * futex word sits futex_offset bytes after it. */
static struct {
	void *list;
	long futex_offset;
	void *list_op_pending;
} robust_head;
static struct {
	void *next;
	volatile int word;  /* owner tid | FUTEX_WAITERS */
} robust_entry;

#define FUTEX_WAITERS_ 0x80000000u
#define FUTEX_OWNER_DIED_ 0x40000000u

static void *die_holding_a_robust_futex(void *arg __attribute__((unused)))
{
	robust_head.list = &robust_entry;
	robust_head.futex_offset = sizeof(void *);
	robust_entry.next = &robust_head;
	robust_entry.word = (int)(gettid() | FUTEX_WAITERS_);
	if (syscall(__NR_set_robust_list, &robust_head, sizeof(robust_head)))
		return NULL;
	void *got;
	size_t len;
	if (syscall(__NR_get_robust_list, 0, &got, &len) == 0 &&
	    got == &robust_head && len == sizeof(robust_head))
		asleep = 1;
	syscall(__NR_exit, 0);  /* dies owning it */
	return NULL;
}

static bool a_dead_owner_s_robust_futex_is_marked_and_woken(void)
{
	pthread_t t;
	asleep = 0;
	errno = 0;
	if (syscall(__NR_set_robust_list, &robust_head, 4) != -1 ||
	    errno != EINVAL) {
		note("set_robust_list with a bad length: errno %d", errno);
		return false;
	}
	if (pthread_create(&t, NULL, die_holding_a_robust_futex, NULL))
		return false;
	/* Sleep on the word (shared, as the kernel's wake is) until it
	 * changes: the owner's death marks it and wakes us. */
	int v;
	while ((v = robust_entry.word) == 0 ||
	       !(v & (int)FUTEX_OWNER_DIED_))
		futex(&robust_entry.word, FUTEX_WAIT, v, NULL, NULL, 0);
	pthread_join(t, NULL);
	bool ok = asleep == 1 &&
		  (unsigned)v == (FUTEX_WAITERS_ | FUTEX_OWNER_DIED_);
	if (!ok)
		note("word %#x, get_robust_list %s", v, asleep ? "ok" : "wrong");
	return ok;
}

/* ---- copy-on-write ---- */

static volatile int cow_word;  /* .bss: copy-on-write after a fork */

static void *sleep_on_cow(void *arg)
{
	__atomic_fetch_add(&asleep, 1, __ATOMIC_SEQ_CST);
	while (cow_word == 0)
		futex(&cow_word, (int)(long)arg, 0, NULL, NULL, 0);
	return NULL;
}

/* A child that keeps the parent's pages shared copy-on-write a while. */
static int linger(void)
{
	static const long ts[2] = { 0, 200000000 };
	volatile int mine = 0;
	futex(&mine, FUTEX_WAIT_PRIVATE, 0, ts, NULL, 0);
	return 0;
}

static bool wake_after_a_copy(int wait_op, int wake_op)
{
	pthread_t t;
	cow_word = 0;
	asleep = 0;
	if (pthread_create(&t, NULL, sleep_on_cow, (void *)(long)wait_op))
		return false;
	while (!asleep)
		sched_yield();
	let_others_run();
	fflush(stdout);
	pid_t pid = fork();  /* now cow_word's page is copy-on-write */
	if (pid == 0)
		_exit(linger());
	cow_word = 1;        /* the parent's write copies the page */
	long woken = 0;
	for (int tries = 0; !woken && tries < 1000; tries++) {
		woken = futex(&cow_word, wake_op, 1, NULL, NULL, 0);
		if (!woken)
			sched_yield();
	}
	pthread_join(t, NULL);
	int status;
	waitpid(pid, &status, 0);
	if (woken != 1)
		note("wake after the copy: %ld (errno %d)", woken, errno);
	return woken == 1;
}

static bool futex_in_a_cow_page_works_across_the_copy(void)
{
	return wake_after_a_copy(FUTEX_WAIT_PRIVATE, FUTEX_WAKE_PRIVATE) &&
	       wake_after_a_copy(FUTEX_WAIT, FUTEX_WAKE);
}

/* ---- a shared futex between processes ---- */

static volatile int *shared_word;  /* in a MAP_SHARED anonymous page */

static int wait_on_shared_word(void)
{
	while (*shared_word == 0)
		futex(shared_word, FUTEX_WAIT, 0, NULL, NULL, 0);
	return *shared_word == 2 ? 0 : 1;
}

/* Parent and child map the same page at the same address but in two
 * address spaces: the shared key (the object and offset) is what meets.
 * The parent's wakes find the child asleep (a wake that returns 1 while
 * the word is still 0, after which the child sleeps again), then the
 * parent stores 2 and wakes it for good. */
static bool a_shared_futex_works_across_fork(void)
{
	shared_word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared_word == MAP_FAILED)
		return false;
	*shared_word = 0;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(wait_on_shared_word());
	long first = 0;
	for (int tries = 0; first != 1 && tries < 20000; tries++) {
		first = futex(shared_word, FUTEX_WAKE, 1, NULL, NULL, 0);
		if (first != 1)
			sched_yield();
	}
	*shared_word = 2;
	int status = -1;
	for (int tries = 0; waitpid(pid, &status, WNOHANG) == 0; tries++) {
		if (tries == 20000)
			kill(pid, SIGKILL);  /* never woken: do not hang */
		futex(shared_word, FUTEX_WAKE, 1, NULL, NULL, 0);
		sched_yield();
	}
	munmap((void *)shared_word, 4096);
	if (first != 1 || status != 0)
		note("first wake %ld, child status %#x", first, status);
	return first == 1 && status == 0;
}

static const struct ktap_case cases[] = {
	{ "futex.errors_are_linux_s", futex_errors_are_linux_s },
	{ "futex.absolute_deadlines_on_both_clocks",
	  absolute_deadlines_on_both_clocks },
	{ "futex.a_signal_interrupts_or_restarts_a_wait",
	  a_signal_interrupts_or_restarts_a_wait },
	{ "futex.requeue_moves_waiters_to_another_word",
	  requeue_moves_waiters_to_another_word },
	{ "futex.wake_op_changes_a_word_and_wakes",
	  wake_op_changes_a_word_and_wakes },
	{ "futex.a_dead_owner_s_robust_futex_is_marked_and_woken",
	  a_dead_owner_s_robust_futex_is_marked_and_woken },
	{ "futex.in_a_cow_page_works_across_the_copy",
	  futex_in_a_cow_page_works_across_the_copy },
	{ "futex.a_shared_futex_works_across_fork",
	  a_shared_futex_works_across_fork },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
