/* user/forktest.c: fork, execve and wait as a program sees them, checked
 * against what Linux does (the same binary runs on Linux: see
 * tools/check-user-on-host). Prints KTAP; exits 0 if every case passed. */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

extern char **environ;

/* Where the other test programs are: /bin on pagoda, whatever argv[0]
 * is; PAGODA_BIN names the build's user/ on a host. */
static const char *sibling_dir = "/bin";

static const char *sibling(const char *name)
{
	static char path[300];
	snprintf(path, sizeof(path), "%s/%s", sibling_dir, name);
	return path;
}

/* Fork a child that runs fn and _exits with its result; return the wait
 * status, or -1. stdout is flushed first so the child does not repeat it. */
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

static int exit_seven(void)
{
	return 7;
}

static bool fork_returns_twice(void)
{
	int s = in_child(exit_seven);
	if (!WIFEXITED(s) || WEXITSTATUS(s) != 7)
		note("status 0x%x, want exit 7", s);
	return WIFEXITED(s) && WEXITSTATUS(s) == 7;
}

static volatile int shared_looking = 1;
static char big[3 * 4096];

static int write_copies(void)
{
	shared_looking = 2;
	big[5000] = 'c';
	return shared_looking == 2 && big[5000] == 'c' ? 0 : 1;
}

static bool child_writes_are_private(void)
{
	big[5000] = 'p';
	int s = in_child(write_copies);
	bool ok = WIFEXITED(s) && WEXITSTATUS(s) == 0 && shared_looking == 1 &&
		  big[5000] == 'p';
	if (!ok)
		note("status 0x%x, parent sees %d and '%c'", s, shared_looking, big[5000]);
	return ok;
}

static bool wnohang_sees_a_running_child(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 50; i++)
			sched_yield();
		_exit(3);
	}
	int status = -1;
	pid_t r = waitpid(pid, &status, WNOHANG);  /* the child yields first */
	pid_t r2 = waitpid(pid, &status, 0);
	if (r != 0 || r2 != pid || WEXITSTATUS(status) != 3)
		note("WNOHANG gave %d, then %d with status 0x%x", r, r2, status);
	return r == 0 && r2 == pid && WEXITSTATUS(status) == 3;
}

static bool wait_without_children_is_echild(void)
{
	int status;
	errno = 0;
	return waitpid(-1, &status, 0) == -1 && errno == ECHILD;
}

static bool wait_with_bad_status_pointer_is_efault(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	errno = 0;
	bool efault = waitpid(pid, (int *)0xc0000000, 0) == -1 && errno == EFAULT;
	int status;
	/* Linux reaps the child all the same: it is gone now. */
	bool gone = waitpid(pid, &status, 0) == -1 && errno == ECHILD;
	if (!efault || !gone)
		note("efault %d, gone after %d", efault, gone);
	return efault && gone;
}

static int exec_exit42(void)
{
	char *argv[] = { "exit42", NULL };
	execve(sibling("exit42"), argv, environ);
	return 100 + errno;
}

static bool execve_replaces_the_image(void)
{
	int s = in_child(exec_exit42);
	if (!WIFEXITED(s) || WEXITSTATUS(s) != 42)
		note("status 0x%x, want exit 42", s);
	return WIFEXITED(s) && WEXITSTATUS(s) == 42;
}

static int exec_stackcheck(void)
{
	char *argv[] = { (char *)sibling("stackcheck"), "one", "two words", NULL };
	close(1);  /* its own KTAP report would mix with ours: its status says it */
	execve(argv[0], argv, environ);
	return 100 + errno;
}

static bool execve_passes_arguments_as_linux(void)
{
	int s = in_child(exec_stackcheck);
	return WIFEXITED(s) && WEXITSTATUS(s) == 0;
}

/* Failed execs return to the caller with Linux's errno, image intact. */
static bool failed_execve_keeps_the_caller(void)
{
	char *argv[] = { "x", NULL };
	char *bad_argv[] = { "x", (char *)0xc0001000, NULL };
	struct { const char *path; char **argv; int err; } cases[] = {
		{ "/no-such-dir/no-such", argv, ENOENT },
		{ sibling_dir, argv, EACCES },
		{ (const char *)0xc0000000, argv, EFAULT },
		{ sibling("exit42"), (char **)0xc0000000, EFAULT },
		{ sibling("exit42"), bad_argv, EFAULT },
	};
	bool ok = true;
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		errno = 0;
		int r = execve(cases[i].path, cases[i].argv, environ);
		if (r != -1 || errno != cases[i].err) {
			note("case %u: execve gave %d, errno %d, want %d", i, r,
			     errno, cases[i].err);
			ok = false;
		}
	}
	return ok && shared_looking == 1;  /* still our own memory */
}

static bool skipped(void)
{
	return true;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (getenv("PAGODA_BIN"))
		sibling_dir = getenv("PAGODA_BIN");
	struct ktap_case cases[] = {
		{ "fork.returns_twice", fork_returns_twice },
		{ "fork.child_writes_are_private", child_writes_are_private },
		{ "wait.wnohang_sees_a_running_child", wnohang_sees_a_running_child },
		{ "wait.without_children_is_echild", wait_without_children_is_echild },
		{ "wait.bad_status_pointer_is_efault", wait_with_bad_status_pointer_is_efault },
		{ "execve.replaces_the_image", execve_replaces_the_image },
		{ "execve.passes_arguments_as_linux", execve_passes_arguments_as_linux },
		{ "execve.failure_keeps_the_caller", failed_execve_keeps_the_caller },
	};
	/* Under qemu-user (a host that cannot exec i386 itself), an execve
	 * goes to the host kernel and fails: those cases are skipped there. */
	if (getenv("PAGODA_NO_I386_EXECVE")) {
		cases[5].name = "execve.replaces_the_image # SKIP no i386 execve here";
		cases[5].run = skipped;
		cases[6].name = "execve.passes_arguments_as_linux # SKIP no i386 execve here";
		cases[6].run = skipped;
	}
	return ktap_run(cases, sizeof(cases) / sizeof(cases[0]));
}
