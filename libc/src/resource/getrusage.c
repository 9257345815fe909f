/* libc/src/resource/getrusage.c: getrusage(2). */
#include <sys/resource.h>

#include "syscall.h"

int getrusage(int who, struct rusage *ru)
{
	return __syscall_ret(__syscall2(__NR_getrusage, who, (long)ru));
}
