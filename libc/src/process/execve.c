/* libc/src/process/execve.c: execve(2); returns only on failure. */
#include <unistd.h>

#include "syscall.h"

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(__syscall3(__NR_execve, (long)path, (long)argv,
					(long)envp));
}
