/* user/nicetest.c: getpriority, setpriority and nice(3), checked against
 * Linux (the same binary runs there through tools/check-user-on-host):
 * the raw call's 20 - nice, clamping to -20..19, fork copying the value,
 * PRIO_PROCESS naming one thread, PRIO_PGRP and PRIO_USER, /proc/PID/stat
 * showing it, and the errors (EINVAL, ESRCH, EPERM for another user's
 * process, EACCES for lowering it without root). On pagoda, where one
 * CPU runs everything, a busy child at nice 19 also gets a small share
 * of the CPU beside one at nice 0. Prints KTAP; exits 0 if all passed. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define check(c, what) ((c) ? true : (note("%s: failed (errno %d, line %d)", \
					 what, errno, __LINE__), false))

static int base;  /* the nice value the test started with */

static int my_nice(void)
{
	errno = 0;
	return getpriority(PRIO_PROCESS, 0);
}

/* A child that exits with 20 + its nice value. */
static pid_t child_reporting_nice(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(20 + my_nice());
	return pid;
}

static int reported_nice(pid_t pid)
{
	int st = 0;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) - 20 : 99;
}

/* In a child, so that what it sets (a user other than root cannot
 * lower it again) does not reach the other cases. */
static bool raising_it_in_a_child(void);
static bool raising_it_sticks_and_fork_copies_it(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(raising_it_in_a_child() ? 0 : 1);
	int st = 0;
	waitpid(pid, &st, 0);
	return check(st == 0, "in the child");
}

static bool raising_it_in_a_child(void)
{
	int want = base + 3 > 19 ? 19 : base + 3;
	bool ok = check(setpriority(PRIO_PROCESS, 0, base + 3) == 0, "set") &&
		  check(my_nice() == want && errno == 0, "get");
	ok &= check(syscall(__NR_getpriority, PRIO_PROCESS, 0) == 20 - want,
		    "the raw call says 20 - nice");
	ok &= check(reported_nice(child_reporting_nice()) == want,
		    "a child has its parent's value");
	ok &= check(setpriority(PRIO_PROCESS, 0, 100) == 0 && my_nice() == 19,
		    "100 is clamped to 19");
	if (geteuid() != 0) {
		ok &= check(nice(-1) == -1 && errno == EPERM,
			    "nice(-1) without root: EPERM");
	} else {
		ok &= check(setpriority(PRIO_PROCESS, 0, -100) == 0 &&
			    my_nice() == -20, "-100 is clamped to -20 (root)");
		ok &= check(nice(5) == -15, "nice(5) returns the new value");
	}
	return ok;
}

static void *thread_sets_its_own(void *arg)
{
	(void)arg;
	long tid = syscall(__NR_gettid);
	int want = base + 2 > 19 ? 19 : base + 2;
	bool ok = setpriority(PRIO_PROCESS, (id_t)tid, base + 2) == 0 &&
		  my_nice() == want;
	return (void *)(long)ok;
}

/* PRIO_PROCESS names one thread (a Linux fact: nice is per thread). */
static bool prio_process_names_one_thread(void)
{
	int start = my_nice();
	pthread_t t;
	void *ok = NULL;
	bool r = check(pthread_create(&t, NULL, thread_sets_its_own, NULL) == 0,
		       "pthread_create");
	r = r && check(pthread_join(t, &ok) == 0 && ok, "the thread's own");
	return r && check(my_nice() == start, "the main thread's unchanged");
}

/* Two children in a group of their own, set at once by PRIO_PGRP; then
 * PRIO_USER for this user's processes. */
static bool pgrp_and_user_select_several(void)
{
	int fds[2];
	if (!check(pipe(fds) == 0, "pipe"))
		return false;
	pid_t kids[2];
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			setpgid(0, i ? kids[0] : 0);
			char c;
			close(fds[1]);
			read(fds[0], &c, 1);  /* until the parent closes it */
			_exit(20 + my_nice());
		}
		setpgid(kids[i], kids[0]);  /* both sides: no race */
	}
	close(fds[0]);
	int want = base + 4 > 19 ? 19 : base + 4;
	bool ok = check(setpriority(PRIO_PGRP, (id_t)kids[0], base + 4) == 0,
			"PRIO_PGRP set");
	errno = 0;
	ok &= check(getpriority(PRIO_PGRP, (id_t)kids[0]) == want && !errno,
		    "PRIO_PGRP get");
	errno = 0;
	int user = getpriority(PRIO_USER, 0);
	ok &= check(errno == 0 && user <= my_nice() && user >= -20,
		    "PRIO_USER 0: the caller's user, at most my value");
	close(fds[1]);
	for (int i = 0; i < 2; i++)
		ok &= check(reported_nice(kids[i]) == want, "each of the group");
	return ok;
}

/* /proc/self/stat's fields 18 and 19: priority (20 + nice) and nice. */
static bool proc_stat_shows_it(void)
{
	char buf[1024];
	FILE *f = fopen("/proc/self/stat", "r");
	if (!check(f && fgets(buf, sizeof(buf), f), "read /proc/self/stat"))
		return false;
	fclose(f);
	char *p = strrchr(buf, ')');  /* after the name, fields 3.. */
	long field[20] = { 0 };
	for (int i = 3; p && i <= 19; i++) {
		p = strchr(p + 1, ' ');
		if (p && i >= 4)
			field[i] = strtol(p + 1, NULL, 10);
	}
	int n = my_nice();
	if (field[18] != 20 + n || field[19] != n)
		note("priority %ld, nice %ld; getpriority says %d", field[18],
		     field[19], n);
	return field[18] == 20 + n && field[19] == n;
}

static bool errors_are_linux_errors(void)
{
	bool ok = check(getpriority(3, 0) == -1 && errno == EINVAL, "which 3");
	ok &= check(setpriority(-1, 0, 0) == -1 && errno == EINVAL, "which -1");
	ok &= check(getpriority(PRIO_PROCESS, 0x3ffffff0) == -1 &&
		    errno == ESRCH, "no such thread");
	ok &= check(setpriority(PRIO_PGRP, 0x3ffffff0, 1) == -1 &&
		    errno == ESRCH, "no such group");
	if (geteuid() != 0)
		return ok;
	/* a child that gave itself another uid: root's process is not its
	 * own (EPERM), and it may raise its own value but not lower it */
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		if (setuid(4321))
			_exit(1);
		if (setpriority(PRIO_PROCESS, (id_t)parent, 10) != -1 ||
		    errno != EPERM)
			_exit(2);
		if (setpriority(PRIO_PROCESS, 0, 10) || my_nice() != 10)
			_exit(3);
		if (setpriority(PRIO_PROCESS, 0, 9) != -1 || errno != EACCES)
			_exit(4);
		_exit(0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	if (st)
		note("the child that changed its uid: status %#x", st);
	return ok && check(st == 0, "EPERM and EACCES for another user");
}

/* pagoda only (one CPU): a busy child at nice 19 beside one at nice 0
 * gets much less CPU, since its slices are a tenth as long. A host has
 * several CPUs, where both run at once. */
static bool nice_19_gets_a_small_share(void)
{
	if (!getenv("PAGODA_TEST"))
		return true;
	pid_t kids[2];
	for (int i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			setpriority(PRIO_PROCESS, 0, i ? 19 : 0);
			for (;;)
				;
		}
	}
	struct timespec nap = { 0, 300 * 1000 * 1000 };
	nanosleep(&nap, NULL);
	struct rusage ru[2];
	for (int i = 0; i < 2; i++) {
		kill(kids[i], SIGKILL);
		wait4(kids[i], NULL, 0, &ru[i]);
	}
	long ms[2];
	for (int i = 0; i < 2; i++)
		ms[i] = (ru[i].ru_utime.tv_sec + ru[i].ru_stime.tv_sec) * 1000 +
			(ru[i].ru_utime.tv_usec + ru[i].ru_stime.tv_usec) / 1000;
	if (ms[0] < 3 * ms[1] || ms[0] < 50)
		note("nice 0: %ld ms of CPU; nice 19: %ld ms", ms[0], ms[1]);
	return ms[0] >= 3 * ms[1] && ms[0] >= 50;
}

int main(void)
{
	base = my_nice();
	static const struct ktap_case cases[] = {
		{ "nice.raising_it_sticks_and_fork_copies_it",
		  raising_it_sticks_and_fork_copies_it },
		{ "nice.prio_process_names_one_thread",
		  prio_process_names_one_thread },
		{ "nice.pgrp_and_user_select_several",
		  pgrp_and_user_select_several },
		{ "nice.proc_stat_shows_it", proc_stat_shows_it },
		{ "nice.errors_are_linux_errors", errors_are_linux_errors },
		{ "nice.19_gets_a_small_share", nice_19_gets_a_small_share },
	};
	return ktap_run(cases, KTAP_COUNT(cases));
}
