/* user/spawntest.c: posix_spawn and posix_spawnp (libc/src/spawn/) on
 * pagoda and, unchanged, on Linux: the child runs the program and its pid
 * comes back; a failed exec is the return value and leaves no child;
 * file actions redirect the child's output; the attributes set its mask
 * and reset the caller's handlers; posix_spawnp looks the name up in
 * PATH. The children are this program again (argv[0]), told by argv[1]
 * what to do. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static const char *self;

/* The child's part: "exit N", "print", "sigcheck". */
static int child_main(int argc, char **argv)
{
	if (strcmp(argv[1], "exit") == 0 && argc > 2)
		return atoi(argv[2]);
	if (strcmp(argv[1], "print") == 0) {
		fputs("spawned\n", stdout);
		return 0;
	}
	/* sigcheck: SIGUSR2 blocked (SETSIGMASK), SIGUSR1 back to SIG_DFL */
	sigset_t m;
	struct sigaction sa;
	if (sigprocmask(SIG_BLOCK, NULL, &m) || sigaction(SIGUSR1, NULL, &sa))
		return 2;
	if (!sigismember(&m, SIGUSR2) || sigismember(&m, SIGUSR1))
		return 3;
	return sa.sa_handler == SIG_DFL ? 0 : 4;
}

/* Spawn self with args; the child's exit status, or -1. */
static int run(const posix_spawn_file_actions_t *fa,
	       const posix_spawnattr_t *attr, char *a1, char *a2)
{
	char *argv[] = { (char *)self, a1, a2, NULL };
	pid_t pid = 0;
	int r = posix_spawn(&pid, self, fa, attr, argv, environ), st;
	if (r) {
		note("posix_spawn: %s", strerror(r));
		return -1;
	}
	if (pid <= 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st)) {
		note("pid %d, or no normal exit", pid);
		return -1;
	}
	return WEXITSTATUS(st);
}

static bool runs_the_program(void)
{
	return run(NULL, NULL, "exit", "42") == 42;
}

static bool failed_exec_is_the_result(void)
{
	char *argv[] = { "nothing", NULL };
	pid_t pid = -5;
	int r = posix_spawn(&pid, "/no/such/program", NULL, NULL, argv, environ);
	if (r != ENOENT)
		note("posix_spawn gave %d, not ENOENT", r);
	/* no child left behind, and *pid untouched */
	return r == ENOENT && pid == -5 && waitpid(-1, NULL, WNOHANG) == -1 &&
	       errno == ECHILD;
}

static bool file_actions_redirect_output(void)
{
	int p[2];
	if (pipe(p))
		return false;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	posix_spawn_file_actions_addclose(&fa, p[1]);
	fflush(stdout);
	int st = run(&fa, NULL, "print", NULL);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	char buf[32] = { 0 };
	ssize_t n = read(p[0], buf, sizeof(buf) - 1);
	close(p[0]);
	if (n != 8 || strcmp(buf, "spawned\n"))
		note("read %zd bytes: '%s'", n, buf);
	return st == 0 && n == 8 && strcmp(buf, "spawned\n") == 0;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static bool attributes_set_mask_and_handlers(void)
{
	signal(SIGUSR1, on_usr1);  /* must not survive into the child */
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	sigset_t m;
	sigemptyset(&m);
	sigaddset(&m, SIGUSR2);
	posix_spawnattr_setsigmask(&at, &m);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
	int st = run(NULL, &at, "sigcheck", NULL);
	posix_spawnattr_destroy(&at);
	signal(SIGUSR1, SIG_DFL);
	if (st)
		note("the child's check said %d", st);
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	return st == 0 && !sigismember(&now, SIGUSR2);  /* ours unchanged */
}

static bool spawnp_searches_path(void)
{
	const char *slash = strrchr(self, '/');
	if (!slash)
		return false;
	char path[512], *argv[] = { (char *)slash + 1, "exit", "7", NULL };
	snprintf(path, sizeof(path), "PATH=/no/such/dir:%.*s",
		 (int)(slash - self), self);
	char *env[] = { path, NULL }, **saved = environ;
	environ = env;  /* the caller's PATH is what posix_spawnp searches */
	pid_t pid;
	int r = posix_spawnp(&pid, slash + 1, NULL, NULL, argv, env), st = -1;
	environ = saved;
	if (r == 0)
		waitpid(pid, &st, 0);
	else
		note("posix_spawnp: %s", strerror(r));
	return r == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 7;
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1)
		return child_main(argc, argv);
	static const struct ktap_case cases[] = {
		{ "spawn.runs_the_program_and_gives_its_pid", runs_the_program },
		{ "spawn.a_failed_exec_is_the_result_and_leaves_no_child",
		  failed_exec_is_the_result },
		{ "spawn.file_actions_redirect_the_output",
		  file_actions_redirect_output },
		{ "spawn.attributes_set_the_mask_and_reset_handlers",
		  attributes_set_mask_and_handlers },
		{ "spawnp.searches_path", spawnp_searches_path },
	};
	return ktap_run(cases, sizeof(cases) / sizeof(cases[0]));
}
