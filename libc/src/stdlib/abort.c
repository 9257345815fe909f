/* libc/src/stdlib/abort.c: end the process abnormally: SIGABRT, and if
 * that is caught or ignored, a fault, and if even that returns, _exit. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

_Noreturn void abort(void)
{
	raise(SIGABRT);
	__builtin_trap();  /* ud2: SIGILL */
	_exit(127);
}
