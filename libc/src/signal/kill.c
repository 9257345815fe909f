/* libc/src/signal/kill.c: kill(2). */
#include <signal.h>

#include "syscall.h"

int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(__NR_kill, pid, sig));
}
