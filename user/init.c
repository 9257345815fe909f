/* user/init.c: the first user program the kernel runs (/bin/init). It says
 * it is up and shows what exec gave it; then, if it was given no arguments
 * (a plain boot), it becomes the shell: execve keeps pid 1. With arguments
 * (`init=/bin/init -- ARGS`, or a run on a Linux host) it exits 0. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
	fflush(stdout);  /* execve would lose what is still buffered */
	char *const sh_argv[] = { "sh", NULL };
	execve("/bin/sh", sh_argv, envp);
	printf("init: cannot run /bin/sh: %s\n", strerror(errno));
	return 1;
}
