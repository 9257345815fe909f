/* libc/src/unistd/getppid.c: getppid(2); it cannot fail. */
#include <unistd.h>

#include "syscall.h"

pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}
