/* libc/src/unistd/gettid.c: gettid(2): the calling thread's id (the
 * process id in a process's first thread). */
#include <unistd.h>

#include "syscall.h"

pid_t gettid(void)
{
	return (pid_t)__syscall0(__NR_gettid);
}
