/* libc/src/signal/signal.c: signal(), BSD semantics as glibc: the
 * handler stays installed and interrupted calls restart. */
#include <signal.h>
#include <string.h>

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;
	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}
