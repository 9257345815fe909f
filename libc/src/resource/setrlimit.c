/* libc/src/resource/setrlimit.c: setrlimit(2). */
#include <sys/resource.h>

#include "syscall.h"

int setrlimit(int resource, const struct rlimit *r)
{
	return __syscall_ret(__syscall2(__NR_setrlimit, resource, (long)r));
}
