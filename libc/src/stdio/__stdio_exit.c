/* libc/src/stdio/__stdio_exit.c: exit()'s last stdio step. */
#include "libc.h"
#include "stdio_impl.h"

void __stdio_exit(void)
{
	fflush(stdout);
}
