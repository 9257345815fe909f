/* libc/src/unistd/getpid.c: getpid(2); it cannot fail. */
#include <unistd.h>

#include "syscall.h"

pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}
