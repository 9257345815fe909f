/* user/init.c: the first user program the kernel runs (/bin/init). It says
 * it is up and shows what exec gave it; then, if it was given no arguments
 * (a plain boot), it runs the shell as its child and waits, collecting
 * every orphan the kernel hands it meanwhile. The shell leads its own
 * session, with the console as its controlling terminal. A shell killed by a signal
 * is started again; a shell that exits (`exit N`, or Ctrl-D) ends init
 * with the shell's status, which `make run` passes on. With arguments
 * (`init=/bin/init -- ARGS`, or a run on a Linux host) it exits 0. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Fork and exec /bin/sh; its pid, or -1. */
static pid_t start_shell(char **envp)
{
	fflush(stdout);  /* or the child would print it again */
	pid_t pid = fork();
	if (pid == 0) {
		/* The shell leads a session of its own with the console as
		 * its terminal (taken back from a killed shell's session), so
		 * Ctrl-C and Ctrl-Z reach its foreground job (docs/tty.md). */
		setsid();
		ioctl(0, TIOCSCTTY, 1);
		char *const sh_argv[] = { "sh", NULL };
		execve("/bin/sh", sh_argv, envp);
		printf("init: cannot run /bin/sh: %s\n", strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		printf("init: fork: %s\n", strerror(errno));
	return pid;
}

int main(int argc, char **argv, char **envp)
{
	printf("init: pagoda user space is up\n");
	for (int i = 0; i < argc; i++)
		printf("init: argv[%d] = \"%s\"\n", i, argv[i]);
	for (int i = 0; envp[i]; i++)
		printf("init: envp[%d] = \"%s\"\n", i, envp[i]);
	if (argc > 1)
		return 0;

	printf("init: starting /bin/sh (type help)\n");
	pid_t sh = start_shell(envp);
	while (sh > 0) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			printf("init: waitpid: %s\n", strerror(errno));
			return 1;
		}
		if (pid != sh)
			continue;  /* an orphan, now collected */
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		printf("init: the shell was killed by signal %d: starting it again\n",
		       WTERMSIG(status));
		sh = start_shell(envp);
	}
	return 1;
}
