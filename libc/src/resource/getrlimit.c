/* libc/src/resource/getrlimit.c: getrlimit(2) through ugetrlimit, whose
 * infinity is RLIM_INFINITY (the old getrlimit says 0x7fffffff). */
#include <sys/resource.h>

#include "syscall.h"

int getrlimit(int resource, struct rlimit *r)
{
	return __syscall_ret(__syscall2(__NR_ugetrlimit, resource, (long)r));
}
