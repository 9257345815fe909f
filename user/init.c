/* user/init.c: the first user program the kernel runs (/bin/init). For
 * now it says it is up, shows what exec gave it, and exits 0. */
#include <stdio.h>

int main(int argc, char **argv, char **envp)
{
	printf("init: pagoda user space is up\n");
	for (int i = 0; i < argc; i++)
		printf("init: argv[%d] = \"%s\"\n", i, argv[i]);
	for (int i = 0; envp[i]; i++)
		printf("init: envp[%d] = \"%s\"\n", i, envp[i]);
	return 0;
}
