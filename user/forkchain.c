/* user/forkchain.c: a fork bomb that cleans up after itself. Each process
 * forks one child and waits for it, until fork fails: the process table
 * (or memory) runs out, fork says EAGAIN (or ENOMEM), and every process
 * then exits with its child's depth plus one. Prints the depth reached and
 * exits 0 if the failure was one of those two errnos. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Returns the depth below this process, or -1 for an unexpected error. */
static int chain(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return errno == EAGAIN || errno == ENOMEM ? 0 : -1;
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
