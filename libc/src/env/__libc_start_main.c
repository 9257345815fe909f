/* libc/src/env/__libc_start_main.c: from the initial stack to main().
 * Finds argv, envp and auxv the way exec laid them out, runs main, exits. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc.h"

int main(int argc, char **argv, char **envp);
_Noreturn void __libc_start_main(uint32_t *sp);

uint32_t *__auxv;

/* sp is esp at _start:
 *   sp[0] argc, then argv[0..argc-1], NULL, envp[...], NULL,
 *   then auxv pairs ending with (AT_NULL, 0). */
_Noreturn void __libc_start_main(uint32_t *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;

	while (*e)
		e++;
	environ = envp;
	__auxv = (uint32_t *)(e + 1);
	exit(main(argc, argv, envp));
}
