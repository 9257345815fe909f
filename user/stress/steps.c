/* user/stress/steps.c: the steps of a stress worker, each a system-call
 * pattern with every result it can check checked: fork+exit+wait,
 * fork+execve, pthread create+join, anonymous and file mappings (big ones
 * too, and whole program files), pipe transfers to a child, signals (a
 * handled SIGUSR1, a SIGKILL) and brk growth. ENOMEM or EAGAIN counts as
 * "short", a SIGKILL we did not send as "killed" (the OOM killer). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "user/ktap.h"
#include "user/stress/stress.h"

const char *const step_names[NSTEPS] = {
	"fork", "exec", "thread", "anon", "file", "pipe", "sigusr1",
	"sigkill", "brk",
};

/* The running worker's counts: these until main.c points cnt at its slot
 * of a page shared by every incarnation of the slot, so a worker the OOM
 * killer ends keeps what it counted. */
static struct counts own;
struct counts *cnt = &own;
static uint32_t rng;
char bindir[256] = "/bin";
static volatile sig_atomic_t got_usr1;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void fail(const char *what, int v)
{
	if (!cnt->bad++)
		snprintf(cnt->why, sizeof(cnt->why), "%s (%d)", what, v);
}

/* -1 (with errno) from a step's call: a short if out of memory, else bad. */
static void refused(const char *what)
{
	if (errno == ENOMEM || errno == EAGAIN)
		cnt->shorts++;
	else
		fail(what, errno);
}

/* Judge a reaped child's status against the exit code we expect. */
static void judge(enum step s, int status, int want)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == want)
		cnt->done[s]++;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 99)
		cnt->shorts++;  /* the child met ENOMEM itself */
	else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		cnt->killed++;  /* the OOM killer */
	else
		fail(step_names[s], status);
}

static void reap(enum step s, pid_t pid, int want)
{
	int status;
	pid_t r;
	while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	if (r != pid)
		fail("waitpid", errno);
	else
		judge(s, status, want);
}

static void do_fork(void)
{
	int code = next() & 0x3f;
	pid_t pid = fork();
	if (pid < 0)
		return refused("fork");
	if (pid == 0)
		_exit(code);
	reap(S_FORK, pid, code);
}

static void do_exec(void)
{
	char path[300];
	snprintf(path, sizeof(path), "%s/exit42", bindir);
	pid_t pid = fork();
	if (pid < 0)
		return refused("fork");
	if (pid == 0) {
		char *const argv[] = { "exit42", NULL };
		char *const envp[] = { NULL };
		execve(path, argv, envp);
		_exit(errno == ENOMEM || errno == EAGAIN ? 99 : 98);
	}
	reap(S_EXEC, pid, 42);
}

static void *thread_fn(void *arg)
{
	return (void *)((uintptr_t)arg * 3 + 1);
}

static void do_thread(void)
{
	pthread_t t;
	uintptr_t v = next() & 0xffff;
	void *res;
	int err = pthread_create(&t, NULL, thread_fn, (void *)v);
	if (err) {
		errno = err;
		return refused("pthread_create");
	}
	err = pthread_join(t, &res);
	if (err)
		fail("pthread_join", err);
	else if ((uintptr_t)res != v * 3 + 1)
		fail("thread result", (int)(uintptr_t)res);
	else
		cnt->done[S_THREAD]++;
}

static void do_anon(void)
{
	/* mostly small; one in eight up to 2 MiB, held until the next big
	 * one: a few workers at once run a small machine out of memory */
	size_t pages = 1 + (next() % 8 ? next() % 32 : next() % 512);
	uint32_t tag = next();
	/* A big one is populated at once: the frames go without a fault, so
	 * other workers' calls (fork, exec, pipe writes) meet the shortage. */
	int populate = pages > 32 ? MAP_POPULATE : 0;
	uint32_t *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | populate, -1, 0);
	if (p == MAP_FAILED)
		return refused("mmap anon");
	for (size_t i = 0; i < pages; i++)
		p[i * PAGE / 4] = tag + i;
	for (size_t i = 0; i < pages; i++)
		if (p[i * PAGE / 4] != tag + i) {
			fail("anon page content", (int)i);
			break;
		}
	if (pages > 32) {  /* a big one is held until the next big one */
		static void *held;
		static size_t held_len;
		if (held && munmap(held, held_len))
			fail("munmap held", errno);
		held = p;
		held_len = pages * PAGE;
		cnt->done[S_ANON]++;
	} else if (munmap(p, pages * PAGE)) {
		fail("munmap anon", errno);
	} else {
		cnt->done[S_ANON]++;
	}
}

/* Programs big and small, each mapped whole: their pages stay in the page
 * cache once unmapped, clean, for reclaim to take back. */
static const char *const mapped_files[] = {
	"exit42", "textshare", "sh", "sysfuzz", "fstest", "dirtest", "stress",
	"futextest", "threadtest", "timecheck",
};

/* A private mapping of a program file: every page read through it (the
 * ELF magic checked), then a copy-on-write store that must not reach the
 * file. */
static void do_file(void)
{
	char path[300];
	struct stat st;
	int nfiles = sizeof(mapped_files) / sizeof(mapped_files[0]);
	snprintf(path, sizeof(path), "%s/%s", bindir,
		 mapped_files[next() % nfiles]);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return refused("open");
	if (fstat(fd, &st)) {
		fail("fstat", errno);
		goto out;
	}
	unsigned char *p = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE,
				MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		refused("mmap file");
		goto out;
	}
	if (memcmp(p, "\177ELF", 4))
		fail("file mapping content", p[0]);
	volatile unsigned char sum = 0;
	for (off_t i = 0; i < st.st_size; i += PAGE)
		sum += p[i];  /* every page into the cache */
	p[0] = 'X';
	unsigned char b = 0;
	if (pread(fd, &b, 1, 0) != 1 || b != 0x7f)
		fail("private store reached the file", b);
	if (munmap(p, st.st_size))
		fail("munmap file", errno);
	else
		cnt->done[S_FILE]++;
out:
	close(fd);
}

static unsigned char pattern(uint32_t seed, size_t i)
{
	return (unsigned char)(seed + i * 7 + (i >> 8));
}

/* The child writes len pattern bytes; the parent must read exactly them. */
static void do_pipe(void)
{
	static unsigned char buf[8192];
	size_t len = 1 + next() % 20000;
	uint32_t seed = next();
	int fds[2];
	if (pipe(fds))
		return refused("pipe");
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return refused("fork");
	}
	if (pid == 0) {
		close(fds[0]);
		for (size_t off = 0; off < len;) {
			size_t n = len - off < sizeof(buf) ? len - off : sizeof(buf);
			for (size_t i = 0; i < n; i++)
				buf[i] = pattern(seed, off + i);
			ssize_t w = write(fds[1], buf, n);
			if (w <= 0)  /* no memory for a pipe page: short */
				_exit(errno == ENOMEM || errno == EAGAIN ? 99
									 : 97);
			off += w;
		}
		_exit(0);
	}
	close(fds[1]);
	/* Our pages in first: a copy into a page that memory cannot be found
	 * for ends the read with EFAULT, where a touch kills us (allowed). */
	memset(buf, 0, sizeof(buf));
	size_t got = 0;
	ssize_t r;
	while ((r = read(fds[0], buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			if (buf[i] != pattern(seed, got + i)) {
				fail("pipe byte", (int)(got + i));
				break;
			}
		got += r;
	}
	close(fds[0]);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid pipe", errno);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
		cnt->killed++;  /* a short transfer is then expected */
		return;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 99) {
		cnt->shorts++;  /* so it is when the writer met ENOMEM */
		return;
	}
	if (r < 0 || got != len)
		return fail("pipe length", (int)got);
	judge(S_PIPE, status, 0);
}

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

/* A child waits for SIGUSR1 (its handler inherited), then exits 7; or,
 * for SIGKILL, spins until it is killed; either gives up once its
 * worker is gone (killed by the OOM killer), not to spin forever. */
static void do_signal(bool kill9)
{
	pid_t parent = getpid();
	got_usr1 = 0;
	pid_t pid = fork();
	if (pid < 0)
		return refused("fork");
	if (pid == 0) {  /* ends too if its worker is killed (orphaned) */
		while ((!got_usr1 || kill9) && getppid() == parent)
			sched_yield();
		_exit(7);
	}
	if (kill(pid, kill9 ? SIGKILL : SIGUSR1))
		fail("kill", errno);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid signal", errno);
	if (kill9 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		cnt->done[S_SIGKILL]++;
	else if (!kill9)
		judge(S_SIGUSR1, status, 7);
	else
		fail("sigkill status", status);
}

static void do_brk(void)
{
	size_t len = (1 + (next() % 8 ? next() % 16 : next() % 512)) * PAGE;
	unsigned char *p = sbrk(len);
	if (p == (void *)-1)
		return refused("sbrk");
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = (unsigned char)(i >> 12);
	for (size_t i = 0; i < len; i += PAGE)
		if (p[i] != (unsigned char)(i >> 12)) {
			fail("brk content", (int)i);
			break;
		}
	if (sbrk(-(intptr_t)len) == (void *)-1)
		fail("sbrk shrink", errno);
	else
		cnt->done[S_BRK]++;
}

double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Run steps until end (seconds since boot) when end is not 0, else for
 * rounds steps. */
void worker(uint32_t seed, unsigned rounds, double end)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	rng = seed ? seed : 1;
	for (unsigned i = 0; end ? now() < end : i < rounds; i++) {
		switch (next() % NSTEPS) {
		case S_FORK: do_fork(); break;
		case S_EXEC: do_exec(); break;
		case S_THREAD: do_thread(); break;
		case S_ANON: do_anon(); break;
		case S_FILE: do_file(); break;
		case S_PIPE: do_pipe(); break;
		case S_SIGUSR1: do_signal(false); break;
		case S_SIGKILL: do_signal(true); break;
		case S_BRK: do_brk(); break;
		}
	}
}
