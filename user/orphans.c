/* user/orphans.c: run as init, checks that init adopts orphans. It forks a
 * child that forks a grandchild and exits at once; the grandchild yields
 * a while, then exits. Once the child is reaped, the grandchild has been
 * adopted by init (this process): waitpid(-1) must find it, and then
 * report ECHILD. Exits with how many processes it reaped (2 if right). */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		if (fork() == 0) {
			for (int i = 0; i < 100; i++)
				sched_yield();  /* outlive the parent */
			_exit(0);
		}
		_exit(0);  /* leave the grandchild an orphan */
	}
	int status, reaped = 0;
	if (waitpid(child, &status, 0) == child)
		reaped++;
	while (waitpid(-1, &status, 0) > 0)
		reaped++;  /* the adopted grandchild */
	if (errno != ECHILD)
		return 100;
	printf("orphans: reaped %d\n", reaped);
	return reaped;
}
