/* libc/src/process/execvp.c: execvp(3): execv, with a file name that has
 * no '/' looked for in PATH as posix_spawnp does (__execvpe). Returns
 * only on failure, -1 with errno set. */
#include <errno.h>
#include <unistd.h>

#include "libc.h"

int execvp(const char *file, char *const argv[])
{
	errno = -__execvpe(file, argv, environ);
	return -1;
}
