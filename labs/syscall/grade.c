/* labs/syscall/grade.c: the grader of the system-call lab (README.md):
 * getppid(2), asked by the raw system call and through the libc, in init,
 * a child, a grandchild and an orphan. Runs as init, pid 1. */
#include <errno.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include "labs/lib/grader.h"

/* Reap pid; true if it exited with 0. */
static bool reaped_ok(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return false;
	if (status != 0)
		note("child status 0x%x", status);
	return status == 0;
}

static bool getppid_is_a_system_call(void)
{
	errno = 0;
	long r = syscall(__NR_getppid);
	if (r < 0)
		note("syscall(__NR_getppid) failed: errno %d%s", errno,
		     errno == ENOSYS ? " (ENOSYS: no such system call)" : "");
	return r >= 0;
}

static bool init_has_no_parent(void)
{
	long r = syscall(__NR_getppid);
	if (r != 0)
		note("init's getppid() gave %ld, want 0", r);
	return r == 0;
}

static bool child_sees_its_parent(void)
{
	pid_t me = getpid();
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		long r = syscall(__NR_getppid);
		if (r != me)
			note("the child's getppid() gave %ld, want %d", r, me);
		child_exit(r == me && getppid() == me ? 0 : 1);
	}
	return reaped_ok(pid);
}

static bool grandchild_sees_its_parent(void)
{
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		pid_t me = getpid();
		pid_t grandchild = xfork();
		if (grandchild == 0) {
			long r = syscall(__NR_getppid);
			if (r != me)
				note("the grandchild's getppid() gave %ld, want %d", r, me);
			child_exit(r == me ? 0 : 1);
		}
		child_exit(grandchild > 0 && reaped_ok(grandchild) ? 0 : 1);
	}
	return reaped_ok(pid);
}

/* A process whose parent exits is adopted by init (this grader). */
static bool orphan_sees_init(void)
{
	int fds[2];
	REQUIRE(pipe(fds) == 0);
	pid_t pid = xfork();
	REQUIRE(pid >= 0);
	if (pid == 0) {
		pid_t orphan = xfork();
		if (orphan == 0) {
			struct timespec tick = { 0, 10 * 1000 * 1000 };
			long r = -1;
			for (int i = 0; i < 300 && r != 1; i++) {  /* 3 s at most */
				nanosleep(&tick, NULL);
				r = syscall(__NR_getppid);
				if (r < 0)
					break;  /* no getppid: no use waiting */
			}
			write(fds[1], &r, sizeof r);
			child_exit(0);
		}
		child_exit(orphan > 0 ? 0 : 1);  /* the parent leaves at once */
	}
	close(fds[1]);
	bool ok = reaped_ok(pid);
	long r = -1;
	if (read(fds[0], &r, sizeof r) != sizeof r)
		note("the orphan said nothing");
	else if (r != 1)
		note("the orphan's getppid() gave %ld, want 1 (init)", r);
	close(fds[0]);
	while (waitpid(-1, NULL, 0) > 0)  /* the orphan, now init's */
		;
	return ok && r == 1;
}

static const struct ktap_case cases[] = {
	{ "syscall.getppid_is_a_system_call", getppid_is_a_system_call },
	{ "syscall.init_has_no_parent", init_has_no_parent },
	{ "syscall.child_sees_its_parent", child_sees_its_parent },
	{ "syscall.grandchild_sees_its_parent", grandchild_sees_its_parent },
	{ "syscall.orphan_sees_init", orphan_sees_init },
};

int main(void)
{
	REQUIRE(getpid() == 1);  /* labs/grade boots it as init */
	return ktap_run(cases, KTAP_COUNT(cases));
}
