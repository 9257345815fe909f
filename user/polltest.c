/* user/polltest.c: poll, ppoll, select and pselect6 over pipes and
 * devices, checked against what Linux does (the same binary runs there:
 * tools/check-user-on-host): readiness of each end, hang-up and error,
 * POLLNVAL, timeouts, a sleeper woken by another process's write, and
 * the errors (EFAULT, EINVAL, EBADF). Prints KTAP; exits 0 if every case
 * passed. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

struct ts32 {
	long sec, nsec;
};

/* CLOCK_MONOTONIC in ms, or -1 if this kernel has no clock_gettime. */
static long long now_ms(void)
{
	struct ts32 ts;
	if (syscall(__NR_clock_gettime, 1, &ts))
		return -1;
	return ts.sec * 1000ll + ts.nsec / 1000000;
}

static bool revents_are(struct pollfd *p, int n, const short *want)
{
	bool ok = true;
	for (int i = 0; i < n; i++) {
		if (p[i].revents != want[i]) {
			note("fd %d: revents %#x, want %#x", p[i].fd,
			     p[i].revents, want[i]);
			ok = false;
		}
	}
	return ok;
}

static bool poll_sees_each_end(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	struct pollfd p[4] = {
		{ fds[0], POLLIN, 0 }, { fds[1], POLLOUT, 0 },
		{ 100, POLLIN, 0 }, { -1, POLLIN, 0 },
	};
	int r = poll(p, 4, 0);
	const short want1[4] = { 0, POLLOUT, POLLNVAL, 0 };
	bool ok = r == 2 && revents_are(p, 4, want1);
	write(fds[1], "x", 1);
	r = poll(p, 2, 0);
	const short want2[2] = { POLLIN, POLLOUT };
	ok = ok && r == 2 && revents_are(p, 2, want2);
	close(fds[1]);  /* no writer: data and hang-up, unasked */
	r = poll(p, 1, 0);
	const short want3[1] = { POLLIN | POLLHUP };
	ok = ok && r == 1 && revents_are(p, 1, want3);
	int w[2];
	pipe(w);
	close(w[0]);  /* no reader: the write end has an error */
	struct pollfd q = { w[1], POLLOUT, 0 };
	r = poll(&q, 1, 0);
	const short want4[1] = { POLLOUT | POLLERR };
	ok = ok && r == 1 && revents_are(&q, 1, want4);
	close(w[1]);
	close(fds[0]);
	if (!ok)
		note("last poll returned %d", r);
	return ok;
}

static bool poll_waits_out_its_timeout(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	struct pollfd p = { fds[0], POLLIN, 0 };
	long long t0 = now_ms();
	int r = poll(&p, 1, 50);
	long long t1 = now_ms();
	close(fds[0]);
	close(fds[1]);
	if (r != 0 || p.revents)
		return note("poll returned %d, revents %#x", r, p.revents), false;
	if (t0 >= 0 && t1 - t0 < 50)  /* where the clock exists */
		return note("returned after %lld ms, want 50", t1 - t0), false;
	return true;
}

/* A child writes after a while; the parent, in poll with no timeout,
 * wakes to read it. */
static bool poll_wakes_when_another_process_writes(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 20; i++)
			syscall(__NR_sched_yield);
		_exit(write(fds[1], "late", 4) == 4 ? 0 : 1);
	}
	struct pollfd p[2] = { { fds[0], POLLIN, 0 }, { 0, 0, 0 } };
	int r = poll(p, 2, -1);
	char buf[8] = { 0 };
	bool ok = r == 1 && p[0].revents == POLLIN &&
		  read(fds[0], buf, sizeof(buf)) == 4 && !strcmp(buf, "late");
	int s;
	waitpid(pid, &s, 0);
	close(fds[0]);
	close(fds[1]);
	if (!ok)
		note("poll returned %d, revents %#x, read \"%s\"", r,
		     p[0].revents, buf);
	return ok && s == 0;
}

static bool poll_errors(void)
{
	struct pollfd p = { 0, POLLIN, 0 };
	bool ok = true;
	errno = 0;
	if (poll((struct pollfd *)8, 1, 0) != -1 || errno != EFAULT) {
		note("bad array: errno %d, want EFAULT", errno);
		ok = false;
	}
	errno = 0;
	if (poll(&p, 0x40000000, 0) != -1 || errno != EINVAL) {
		note("too many records: errno %d, want EINVAL", errno);
		ok = false;
	}
	/* ppoll: a bad timespec, then a good one that times out */
	struct ts32 bad = { 0, 1000000000 }, ms = { 0, 2000000 };
	int fds[2];
	pipe(fds);
	struct pollfd q = { fds[0], POLLIN, 0 };
	errno = 0;
	if (syscall(__NR_ppoll, &q, 1, &bad, NULL, 8) != -1 || errno != EINVAL) {
		note("ppoll with 10^9 ns: errno %d, want EINVAL", errno);
		ok = false;
	}
	long r = syscall(__NR_ppoll, &q, 1, &ms, NULL, 8);
	if (r != 0 || ms.sec != 0 || ms.nsec != 0) {
		note("ppoll: %ld, time left %ld.%09ld, want 0 and 0", r, ms.sec,
		     ms.nsec);
		ok = false;
	}
	close(fds[0]);
	close(fds[1]);
	return ok;
}

static bool devices_are_always_ready(void)
{
	int fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		return note("open /dev/null: errno %d", errno), false;
	struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
	int r = poll(&p, 1, -1);
	close(fd);
	if (r != 1 || p.revents != (POLLIN | POLLOUT))
		note("poll returned %d, revents %#x", r, p.revents);
	return r == 1 && p.revents == (POLLIN | POLLOUT);
}

static bool select_reads_and_writes(void)
{
	int a[2], b[2];
	if (pipe(a) || pipe(b))
		return note("pipe: errno %d", errno), false;
	write(b[1], "y", 1);
	fd_set rd, wr;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(a[0], &rd);
	FD_SET(b[0], &rd);
	FD_SET(a[1], &wr);
	int n = (b[1] > a[1] ? b[1] : a[1]) + 1;
	struct timeval tv = { 1, 0 };
	int r = select(n, &rd, &wr, NULL, &tv);
	bool ok = r == 2 && !FD_ISSET(a[0], &rd) && FD_ISSET(b[0], &rd) &&
		  FD_ISSET(a[1], &wr);
	if (!ok)
		note("select returned %d, sets %#lx %#lx", r, rd.fds_bits[0],
		     wr.fds_bits[0]);
	/* nothing ready: a timeout, the sets emptied, no time left */
	FD_ZERO(&rd);
	FD_SET(a[0], &rd);
	tv = (struct timeval){ 0, 20000 };
	r = select(n, &rd, NULL, NULL, &tv);
	if (r != 0 || rd.fds_bits[0] || tv.tv_sec || tv.tv_usec) {
		note("select timeout: %d, set %#lx, left %ld.%06ld", r,
		     rd.fds_bits[0], (long)tv.tv_sec, tv.tv_usec);
		ok = false;
	}
	for (int i = 0; i < 2; i++) {
		close(a[i]);
		close(b[i]);
	}
	return ok;
}

static bool select_errors(void)
{
	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(200, &rd);  /* not open */
	bool ok = true;
	errno = 0;
	if (select(201, &rd, NULL, NULL, NULL) != -1 || errno != EBADF) {
		note("a closed descriptor: errno %d, want EBADF", errno);
		ok = false;
	}
	struct timeval tv = { -1, 0 };
	errno = 0;
	if (select(1, NULL, NULL, NULL, &tv) != -1 || errno != EINVAL) {
		note("a negative timeout: errno %d, want EINVAL", errno);
		ok = false;
	}
	errno = 0;
	if (select(-1, NULL, NULL, NULL, NULL) != -1 || errno != EINVAL) {
		note("n = -1: errno %d, want EINVAL", errno);
		ok = false;
	}
	FD_ZERO(&rd);
	FD_SET(0, &rd);
	errno = 0;
	if (select(1, (fd_set *)8, NULL, NULL, NULL) != -1 || errno != EFAULT) {
		note("a bad set: errno %d, want EFAULT", errno);
		ok = false;
	}
	/* pselect6 with a zero timeout and no mask: nothing ready */
	int fds[2];
	pipe(fds);
	FD_SET(fds[0], &rd);
	FD_CLR(0, &rd);
	struct ts32 zero = { 0, 0 };
	long r = syscall(__NR_pselect6, fds[0] + 1, &rd, NULL, NULL, &zero, NULL);
	if (r != 0 || FD_ISSET(fds[0], &rd)) {
		note("pselect6: %ld", r);
		ok = false;
	}
	close(fds[0]);
	close(fds[1]);
	return ok;
}

/* 600 descriptors of one pipe (more than a page of records; one wait
 * queue for all of them): a write wakes the poll, and every record shows
 * it. (A write that lands while the first poll is still scanning wakes it
 * with only the later records ready, as Linux does, so the records are
 * checked by a second poll that does not wait.) */
static bool poll_many_descriptors(void)
{
	enum { N = 600 };
	static struct pollfd p[N];
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	p[0] = (struct pollfd){ fds[0], POLLIN, 0 };
	int made = 1;
	for (; made < N; made++) {
		int d = dup(fds[0]);
		if (d < 0)
			break;
		p[made] = (struct pollfd){ d, POLLIN, 0 };
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 20; i++)
			syscall(__NR_sched_yield);
		_exit(write(fds[1], "w", 1) == 1 ? 0 : 1);
	}
	int woke = poll(p, (nfds_t)made, 5000), shown = 0;
	for (int i = 0; i < made; i++)
		shown += p[i].revents == POLLIN;
	int r = poll(p, (nfds_t)made, 0), ready = 0;
	for (int i = 0; i < made; i++)
		ready += p[i].revents == POLLIN;
	int s;
	waitpid(pid, &s, 0);
	for (int i = 1; i < made; i++)
		close(p[i].fd);
	close(fds[0]);
	close(fds[1]);
	bool ok = made == N && woke >= 1 && shown == woke && r == N &&
		  ready == N && s == 0;
	if (!ok)
		note("%d descriptors; poll woke with %d (%d with POLLIN), then "
		     "returned %d, %d with POLLIN; child %d status %#x", made,
		     woke, shown, r, ready, pid, s);
	return ok;
}

static volatile int usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

/* SIGUSR1 is blocked and made pending (a child sends it and is reaped).
 * ppoll with a mask that still blocks it times out, the handler not run;
 * ppoll with an empty mask lets it in: EINTR, the handler ran once, and
 * afterwards the old mask (blocking SIGUSR1) is back. */
static bool ppoll_waits_under_its_own_mask(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sigset_t block, empty, now;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);
	usr1_count = 0;
	pid_t parent = getpid();
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(kill(parent, SIGUSR1) ? 1 : 0);
	int s;
	waitpid(pid, &s, 0);
	int fds[2];
	pipe(fds);
	struct pollfd p = { fds[0], POLLIN, 0 };
	struct ts32 ms = { 0, 5000000 };
	long r1 = syscall(__NR_ppoll, &p, 1, &ms, &block, 8);
	int count1 = usr1_count;
	ms = (struct ts32){ 5, 0 };
	errno = 0;
	long r2 = syscall(__NR_ppoll, &p, 1, &ms, &empty, 8);
	int err = errno, count2 = usr1_count;
	sigprocmask(SIG_SETMASK, NULL, &now);
	bool still_blocked = sigismember(&now, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
	bool ok = s == 0 && r1 == 0 && count1 == 0 && r2 == -1 &&
		  err == EINTR && count2 == 1 && still_blocked;
	if (!ok)
		note("ppoll masked: %ld (%d signals); unmasked: %ld errno %d "
		     "(%d signals); blocked after: %d", r1, count1, r2, err,
		     count2, still_blocked);
	return ok;
}

/* A signal with a handler ends a poll that waits for ever: EINTR. */
static bool poll_is_interrupted_by_a_signal(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;  /* poll is never restarted, even so */
	sigaction(SIGUSR1, &sa, NULL);
	usr1_count = 0;
	int fds[2], done[2];
	pipe(fds);
	pipe(done);
	pid_t parent = getpid();
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		fcntl(done[0], F_SETFL, O_NONBLOCK);
		char c;
		while (read(done[0], &c, 1) < 0) {
			kill(parent, SIGUSR1);
			for (int k = 0; k < 30; k++)
				syscall(__NR_sched_yield);
		}
		_exit(0);
	}
	struct pollfd p = { fds[0], POLLIN, 0 };
	errno = 0;
	int r = poll(&p, 1, -1);
	int err = errno;
	write(done[1], "x", 1);
	int s;
	while (waitpid(pid, &s, 0) < 0 && errno == EINTR)
		;
	signal(SIGUSR1, SIG_DFL);
	for (int i = 0; i < 2; i++) {
		close(fds[i]);
		close(done[i]);
	}
	if (r != -1 || err != EINTR || usr1_count < 1)
		note("poll: %d errno %d, %d signals", r, err, usr1_count);
	return r == -1 && err == EINTR && usr1_count >= 1;
}

int main(void)
{
	struct ktap_case cases[] = {
		{ "poll.sees_each_end_of_a_pipe", poll_sees_each_end },
		{ "poll.waits_out_its_timeout", poll_waits_out_its_timeout },
		{ "poll.wakes_when_another_process_writes", poll_wakes_when_another_process_writes },
		{ "poll.errors_as_linux", poll_errors },
		{ "poll.many_descriptors", poll_many_descriptors },
		{ "poll.devices_are_always_ready", devices_are_always_ready },
		{ "select.reads_and_writes", select_reads_and_writes },
		{ "select.errors_as_linux", select_errors },
		{ "poll.is_interrupted_by_a_signal", poll_is_interrupted_by_a_signal },
		{ "ppoll.waits_under_its_own_mask", ppoll_waits_under_its_own_mask },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
