/* libc/src/signal/sigqueue.c: a signal with a value (rt_sigqueueinfo). */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "syscall.h"

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_value = value;
	si.si_pid = getpid();
	si.si_uid = 0;
	return __syscall_ret(__syscall3(__NR_rt_sigqueueinfo, pid, sig,
					(long)&si));
}
