/* libc/src/stdlib/exit.c: the normal end of a process: the atexit
 * functions, then stdout's last bytes, then _exit. */
#include <stdlib.h>
#include <unistd.h>

#include "libc.h"

_Noreturn void exit(int status)
{
	__funcs_on_exit();
	__stdio_exit();
	_exit(status);
}
