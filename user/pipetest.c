/* user/pipetest.c: pipes as a program sees them, checked against what
 * Linux does (the same binary runs there: tools/check-user-on-host):
 * pipe2's flags and errors, end of file, EPIPE (and SIGPIPE), O_NONBLOCK,
 * the 64 KiB capacity, atomic PIPE_BUF writes from several writers, a
 * read into a read-only buffer, many pipes made and closed, and a blocked
 * read interrupted by signals. Moving data between processes is
 * user/pipeflow.c's. Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel/uapi/ioctls.h"
#include "ktap.h"
#include "pipeutil.h"

#define PIPE_BUF 4096

static bool pipe2_flags_and_errors(void)
{
	int fds[2], before = dup(0);
	bool ok = before >= 0;
	close(before);
	errno = 0;
	if (pipe2(fds, O_APPEND) != -1 || errno != EINVAL) {
		note("pipe2(O_APPEND): errno %d, want EINVAL", errno);
		ok = false;
	}
	errno = 0;
	int *volatile bad = (int *)4;
	if (pipe(bad) != -1 || errno != EFAULT) {
		note("pipe(bad pointer): errno %d, want EFAULT", errno);
		ok = false;
	}
	int after = dup(0);  /* the lowest free descriptor did not move */
	close(after);
	/* (qemu-user makes the host's pipe before it finds the pointer bad,
	 * and leaves it open: that check is for a kernel) */
	if (after != before && !getenv("PAGODA_NO_I386_EXECVE")) {
		note("a failed pipe left a descriptor open (%d, %d)", before, after);
		ok = false;
	}
	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
		return note("pipe2: errno %d", errno), false;
	int fl0 = fcntl(fds[0], F_GETFL, 0), fl1 = fcntl(fds[1], F_GETFL, 0);
	if ((fl0 & O_ACCMODE) != O_RDONLY || (fl1 & O_ACCMODE) != O_WRONLY ||
	    !(fl0 & O_NONBLOCK) || !(fl1 & O_NONBLOCK) ||
	    fcntl(fds[0], F_GETFD, 0) != FD_CLOEXEC ||
	    fcntl(fds[1], F_GETFD, 0) != FD_CLOEXEC) {
		note("flags %#x %#x, fd flags %d %d", fl0, fl1,
		     fcntl(fds[0], F_GETFD, 0), fcntl(fds[1], F_GETFD, 0));
		ok = false;
	}
	struct stat st;
	if (fstat(fds[0], &st) || !S_ISFIFO(st.st_mode) ||
	    (st.st_mode & 0777) != 0600) {
		note("fstat mode %#o, want a FIFO 0600", st.st_mode);
		ok = false;
	}
	errno = 0;
	if (lseek(fds[0], 0, SEEK_SET) != -1 || errno != ESPIPE) {
		note("lseek on a pipe: errno %d, want ESPIPE", errno);
		ok = false;
	}
	char c;
	errno = 0;
	if (write(fds[0], "x", 1) != -1 || errno != EBADF ||
	    read(fds[1], &c, 1) != -1 || errno != EBADF) {
		note("the wrong end: errno %d, want EBADF", errno);
		ok = false;
	}
	close(fds[0]);
	close(fds[1]);
	return ok;
}

static bool eof_when_the_last_writer_closes(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	int extra = dup(fds[1]);  /* a second writer */
	char buf[16];
	bool ok = write(fds[1], "abc", 3) == 3;
	close(fds[1]);
	ok = ok && read(fds[0], buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0;
	int n = 0;
	ok = ok && syscall(__NR_ioctl, fds[0], FIONREAD, &n) == 0 && n == 0;
	write(extra, "de", 2);
	ok = ok && syscall(__NR_ioctl, fds[0], FIONREAD, &n) == 0 && n == 2;
	close(extra);  /* the last one: the rest, then end of file */
	ok = ok && read(fds[0], buf, sizeof(buf)) == 2;
	ssize_t r = read(fds[0], buf, sizeof(buf));
	if (r != 0)
		note("read after the last writer closed: %d, want 0", (int)r);
	close(fds[0]);
	return ok && r == 0;
}

/* Set SIGPIPE's action with rt_sigaction (SIG_IGN: 1, SIG_DFL: 0).
 * Returns 0 or -errno (ENOSYS without signals). */
static long set_sigpipe(unsigned long handler)
{
	unsigned long act[4] = { handler, 0, 0, 0 };
	long r = syscall(__NR_rt_sigaction, SIGPIPE, act, NULL, 8);
	return r < 0 ? -errno : 0;
}

static int write_to_a_closed_pipe(void)
{
	int fds[2];
	if (pipe(fds))
		return 90;
	close(fds[0]);
	errno = 0;
	ssize_t r = write(fds[1], "x", 1);
	return r == -1 && errno == EPIPE ? 0 : 91;
}

static bool epipe_when_no_reader_is_left(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		set_sigpipe(1);  /* ignored: only EPIPE remains */
		_exit(write_to_a_closed_pipe());
	}
	int s = wait_child(pid);
	if (!WIFEXITED(s) || WEXITSTATUS(s))
		note("child status %#x, want exit 0 (write gave EPIPE)", s);
	return WIFEXITED(s) && WEXITSTATUS(s) == 0;
}

static bool sigpipe_kills_the_writer(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		set_sigpipe(0);
		_exit(write_to_a_closed_pipe());
	}
	int s = wait_child(pid);
	if (!WIFSIGNALED(s) || WTERMSIG(s) != SIGPIPE)
		note("child status %#x, want killed by SIGPIPE", s);
	return WIFSIGNALED(s) && WTERMSIG(s) == SIGPIPE;
}

static bool nonblocking_ends_and_the_capacity(void)
{
	int fds[2];
	if (pipe2(fds, O_NONBLOCK))
		return note("pipe2: errno %d", errno), false;
	static char buf[8192];
	bool ok = true;
	errno = 0;
	if (read(fds[0], buf, 1) != -1 || errno != EAGAIN) {
		note("read of an empty pipe: errno %d, want EAGAIN", errno);
		ok = false;
	}
	long total = 0;
	ssize_t r;
	/* whole pages: Linux counts its capacity in them */
	while ((r = write(fds[1], buf, 4096)) > 0)
		total += r;
	if (r != -1 || errno != EAGAIN || total != 65536) {
		note("filled with %ld bytes (errno %d), want 65536 then EAGAIN",
		     total, errno);
		ok = false;
	}
	long got = 0;
	while ((r = read(fds[0], buf, sizeof(buf))) > 0)
		got += r;
	if (got != total || r != -1 || errno != EAGAIN) {
		note("drained %ld bytes, then errno %d", got, errno);
		ok = false;
	}
	close(fds[0]);
	close(fds[1]);
	return ok;
}

/* WRITERS children each write RECORDS records of PIPE_BUF bytes, all
 * equal to their number; every record must arrive whole. */
#define WRITERS 4
#define RECORDS 32

static bool pipe_buf_writes_are_atomic(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	fflush(stdout);
	for (int w = 0; w < WRITERS; w++) {
		if (fork() == 0) {
			static char rec[PIPE_BUF];
			memset(rec, 'A' + w, sizeof(rec));
			close(fds[0]);
			for (int i = 0; i < RECORDS; i++)
				if (write(fds[1], rec, sizeof(rec)) != PIPE_BUF)
					_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	static char rec[PIPE_BUF];
	int counts[WRITERS] = { 0 }, bad = 0;
	for (;;) {
		size_t have = 0;
		ssize_t r = 1;
		while (have < sizeof(rec) && (r = read(fds[0], rec + have,
						       sizeof(rec) - have)) > 0)
			have += (size_t)r;
		if (have == 0)
			break;
		int w = rec[0] - 'A';
		for (size_t i = 0; i < have; i++)
			if (rec[i] != rec[0] || have != sizeof(rec) || w < 0 ||
			    w >= WRITERS) {
				bad++;
				break;
			}
		if (w >= 0 && w < WRITERS)
			counts[w]++;
	}
	close(fds[0]);
	bool ok = bad == 0;
	for (int w = 0; w < WRITERS; w++) {
		int s = wait_child(-1);
		ok = ok && WIFEXITED(s) && WEXITSTATUS(s) == 0 &&
		     counts[w] == RECORDS;
	}
	if (!ok)
		note("%d torn records; counts %d %d %d %d", bad, counts[0],
		     counts[1], counts[2], counts[3]);
	return ok;
}

static const char readonly_buf[16] = "read-only";

static bool a_fault_in_read_loses_nothing(void)
{
	int fds[2];
	if (pipe(fds))
		return note("pipe: errno %d", errno), false;
	write(fds[1], "hello", 5);
	errno = 0;
	ssize_t r = read(fds[0], (void *)readonly_buf, 5);
	int err = errno;
	char buf[8] = { 0 };
	ssize_t r2 = read(fds[0], buf, sizeof(buf));
	close(fds[0]);
	close(fds[1]);
	if (r != -1 || err != EFAULT || r2 != 5 || memcmp(buf, "hello", 5))
		note("read into read-only memory: %d errno %d; then %d \"%s\"",
		     (int)r, err, (int)r2, buf);
	return r == -1 && err == EFAULT && r2 == 5 && !memcmp(buf, "hello", 5);
}

static bool many_pipes_come_and_go(void)
{
	int first = -1;
	for (int i = 0; i < 5000; i++) {
		int fds[2];
		if (pipe(fds))
			return note("pipe %d: errno %d", i, errno), false;
		if (i == 0)
			first = fds[0];
		if (fds[0] != first) {
			note("pipe %d got fd %d, want %d", i, fds[0], first);
			return false;
		}
		write(fds[1], "x", 1);
		close(fds[0]);
		close(fds[1]);
	}
	return true;
}

static volatile int usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static void catch_usr1(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
	usr1_count = 0;
}

/* A child that sends SIGUSR1 to its parent every few yields until
 * `done` becomes readable (or writes `then` to out after `rounds`
 * signals, if out >= 0). Returns its pid. */
static pid_t signaller(int done, int rounds, int out)
{
	pid_t parent = getpid();
	fflush(stdout);
	pid_t pid = fork();
	if (pid)
		return pid;
	fcntl(done, F_SETFL, O_NONBLOCK);
	char c;
	for (int i = 0; rounds ? i < rounds : 1; i++) {
		kill(parent, SIGUSR1);
		for (int k = 0; k < 30; k++)
			syscall(__NR_sched_yield);
		if (read(done, &c, 1) >= 0)
			_exit(0);
	}
	if (out >= 0)
		write(out, "z", 1);
	_exit(0);
}

/* Without SA_RESTART, a read asleep on an empty pipe ends with EINTR;
 * with it, the read goes on and returns the bytes that come later. */
static bool a_blocked_read_and_signals(void)
{
	int data[2], done[2];
	if (pipe(data) || pipe(done))
		return note("pipe: errno %d", errno), false;
	catch_usr1(0);
	pid_t pid = signaller(done[0], 0, -1);
	char c;
	errno = 0;
	ssize_t r = read(data[0], &c, 1);
	int err = errno;
	write(done[1], "x", 1);
	wait_child(pid);
	bool ok = r == -1 && err == EINTR && usr1_count >= 1;
	if (!ok)
		note("read without SA_RESTART: %d errno %d, %d signals", (int)r,
		     err, usr1_count);
	catch_usr1(SA_RESTART);
	pid = signaller(done[0], 3, data[1]);
	r = read(data[0], &c, 1);
	wait_child(pid);
	/* Three signals sent; a busy host may deliver two as one (a pending
	 * standard signal does not queue). */
	if (r != 1 || c != 'z' || usr1_count < 1 || usr1_count > 3) {
		note("read with SA_RESTART: %d, %d signals", (int)r, usr1_count);
		ok = false;
	}
	signal(SIGUSR1, SIG_DFL);
	close(data[0]);
	close(data[1]);
	close(done[0]);
	close(done[1]);
	return ok;
}

static bool skipped(void)
{
	return true;
}

int main(void)
{
	struct ktap_case cases[] = {
		{ "pipe.pipe2_flags_and_errors", pipe2_flags_and_errors },
		{ "pipe.eof_when_the_last_writer_closes", eof_when_the_last_writer_closes },
		{ "pipe.epipe_when_no_reader_is_left", epipe_when_no_reader_is_left },
		{ "pipe.sigpipe_kills_the_writer", sigpipe_kills_the_writer },
		{ "pipe.nonblocking_ends_and_the_capacity", nonblocking_ends_and_the_capacity },
		{ "pipe.pipe_buf_writes_are_atomic", pipe_buf_writes_are_atomic },
		{ "pipe.a_fault_in_read_loses_nothing", a_fault_in_read_loses_nothing },
		{ "pipe.many_pipes_come_and_go", many_pipes_come_and_go },
		{ "pipe.a_blocked_read_and_signals", a_blocked_read_and_signals },
	};
	if (set_sigpipe(0) == -ENOSYS) {
		cases[3].name = "pipe.sigpipe_kills_the_writer # SKIP no signals in this kernel yet";
		cases[3].run = skipped;
	}
	return ktap_run(cases, KTAP_COUNT(cases));
}
