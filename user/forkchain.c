/* user/forkchain.c: a fork bomb that cleans up after itself. Each process
 * forks one child and waits for it, until fork fails: a limit (max_threads,
 * RLIMIT_NPROC) or memory runs out, fork says EAGAIN (or ENOMEM), and every
 * process then exits with its child's depth plus one. Prints the depth
 * reached and the errno, and exits 0 if it was one of those two. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Returns the depth below this process, or -1 for an unexpected error. */
static int chain(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		printf("forkchain: fork failed with %s\n", e == EAGAIN ? "EAGAIN" :
		       e == ENOMEM ? "ENOMEM" : "another errno");
		return e == EAGAIN || e == ENOMEM ? 0 : -1;
	}
	if (pid == 0) {
		int below = chain();
		_exit(below < 0 ? 255 : below > 250 ? 250 : below + 1);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) == 255)
		return -1;
	return WEXITSTATUS(status);
}

int main(void)
{
	int depth = chain();
	printf("forkchain: %d processes deep when fork failed\n", depth);
	return depth > 0 ? 0 : 1;
}
