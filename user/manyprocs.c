/* user/manyprocs.c: hundreds of processes at once. N children (argv[1],
 * default 300) sleep on a pipe in one process group; /proc lists every
 * one, wait4 reaps one chosen by pid, a signal to the group ends the rest,
 * all are reaped. Then, as an ordinary user whose RLIMIT_NPROC is M
 * (argv[2], default 300), forks succeed until that user has M processes
 * and the next fails with EAGAIN (M = 0: not tried; under qemu-i386 every
 * process is two host threads, which Linux counts against the limit).
 * Prints KTAP; runs on Linux too. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define MAX_KIDS 2048

static int n_kids = 300, nproc_limit = 300;
static pid_t kids[MAX_KIDS];
static int started;     /* kids[0..started) exist */
static int pipefd[2];   /* the children block reading [0] while we hold [1] */

/* A child: join the group of the first one, then sleep on the pipe until
 * a signal ends it or the pipe's last writer closes it. */
static void sleeper(pid_t leader)
{
	setpgid(0, leader);
	close(pipefd[1]);
	char c;
	while (read(pipefd[0], &c, 1) < 0 && errno == EINTR)
		;
	_exit(0);
}

/* Fork up to n sleepers into kids[]; returns how many started (errno
 * tells why the next did not). */
static int fork_sleepers(int n)
{
	fflush(stdout);
	for (started = 0; started < n; started++) {
		pid_t pid = fork();
		if (pid < 0)
			break;
		if (pid == 0)
			sleeper(started ? kids[0] : 0);
		kids[started] = pid;
		setpgid(pid, started ? kids[0] : pid);  /* as the child does */
	}
	return started;
}

/* Close our end of the pipe (the sleepers wake and exit) and reap every
 * child; returns how many were reaped. */
static int release_all(void)
{
	int n = 0;
	close(pipefd[1]);
	while (wait(NULL) > 0)
		n++;
	close(pipefd[0]);
	return n;
}

static bool hold_n_live_children(void)
{
	if (pipe(pipefd) != 0)
		return note("pipe: errno %d", errno), false;
	if (fork_sleepers(n_kids) != n_kids) {
		note("fork %d of %d failed: errno %d", started + 1, n_kids, errno);
		release_all();
		return false;
	}
	return true;
}

static bool is_kid(pid_t pid)
{
	for (int i = 0; i < started; i++)
		if (kids[i] == pid)
			return true;
	return false;
}

static bool proc_lists_all_of_them(void)
{
	DIR *d = opendir("/proc");
	if (!d)
		return note("opendir /proc: errno %d", errno), false;
	int seen = 0;
	for (struct dirent *e; (e = readdir(d));)
		seen += is_kid((pid_t)atoi(e->d_name));
	closedir(d);
	if (seen != started)
		note("/proc lists %d of the %d children", seen, started);
	return seen == started;
}

static bool wait4_reaps_the_pid_asked_for(void)
{
	pid_t pick = kids[started / 2];
	int status = 0;
	if (waitpid(pick, &status, WNOHANG) != 0)
		return note("waitpid WNOHANG on a sleeper did not say 0"), false;
	kill(pick, SIGKILL);
	pid_t r = waitpid(pick, &status, 0);
	if (r != pick || !WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		return note("waitpid gave %d, status %#x", r, status), false;
	return waitpid(pick, &status, WNOHANG) == -1 && errno == ECHILD;
}

static bool a_signal_to_the_group_ends_the_rest(void)
{
	if (kill(-kids[0], SIGTERM) != 0)
		return note("kill(-pgid): errno %d", errno), false;
	int reaped = 0, status;
	bool ok = true;
	for (pid_t r; (r = wait(&status)) > 0; reaped++)
		ok &= is_kid(r) && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
	ok &= errno == ECHILD;
	if (reaped != started - 1)
		note("reaped %d of %d", reaped, started - 1);
	release_all();
	errno = 0;
	ok &= kill(-kids[0], 0) == -1 && errno == ESRCH;  /* the group is gone */
	return ok && reaped == started - 1;
}

/* In a child made an ordinary user (uid 54321) with RLIMIT_NPROC =
 * nproc_limit: it and nproc_limit - 1 children may exist, the next fork
 * fails with EAGAIN. Returns the exit status. */
static int meet_rlimit_nproc(void)
{
	struct rlimit l = { (rlim_t)nproc_limit, (rlim_t)nproc_limit };
	if (setrlimit(RLIMIT_NPROC, &l) != 0 || setuid(54321) != 0 ||
	    pipe(pipefd) != 0)
		return 2;
	int n = fork_sleepers(MAX_KIDS), e = errno;
	int reaped = release_all();
	if (n != nproc_limit - 1 || e != EAGAIN || reaped != n) {
		note("%d forks, then errno %d; %d reaped", n, e, reaped);
		return 1;
	}
	return 0;
}

static bool rlimit_nproc_stops_an_ordinary_user(void)
{
	if (getuid() != 0 || nproc_limit == 0)
		return note(nproc_limit ? "not root: skipped" : "not asked for"), true;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(meet_rlimit_nproc());
	int status;
	if (waitpid(pid, &status, 0) != pid || status != 0)
		return note("child status %#x", status), false;
	return true;
}

int main(int argc, char **argv)
{
	static const struct ktap_case cases[] = {
		{ "manyprocs.hold_n_live_children", hold_n_live_children },
		{ "manyprocs.proc_lists_all_of_them", proc_lists_all_of_them },
		{ "manyprocs.wait4_reaps_the_pid_asked_for",
		  wait4_reaps_the_pid_asked_for },
		{ "manyprocs.a_signal_to_the_group_ends_the_rest",
		  a_signal_to_the_group_ends_the_rest },
		{ "manyprocs.rlimit_nproc_stops_an_ordinary_user",
		  rlimit_nproc_stops_an_ordinary_user },
	};
	if (argc > 1)
		n_kids = atoi(argv[1]);
	if (argc > 2)
		nproc_limit = atoi(argv[2]);
	if (n_kids < 2 || n_kids > MAX_KIDS || nproc_limit == 1 || nproc_limit < 0 ||
	    nproc_limit > MAX_KIDS)
		return 2;
	return ktap_run(cases, KTAP_COUNT(cases));
}
