/* libc/src/unistd/pgrp.c: process groups and sessions. */
#include <unistd.h>

#include "syscall.h"

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getpgid, pid));
}

pid_t getpgrp(void)
{
	return __syscall_ret(__syscall0(__NR_getpgrp));
}

int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(__NR_setpgid, pid, pgid));
}

pid_t getsid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getsid, pid));
}

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(__NR_setsid));
}
