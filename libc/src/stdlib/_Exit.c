/* libc/src/stdlib/_Exit.c: C's name for _exit. */
#include <stdlib.h>
#include <unistd.h>

_Noreturn void _Exit(int status)
{
	_exit(status);
}
