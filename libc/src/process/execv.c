/* libc/src/process/execv.c: execve with this process's environment. */
#include <unistd.h>

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}
