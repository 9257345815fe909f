/* libc/src/unistd/getresgid.c: getresgid(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
	return __syscall_ret(__syscall3(__NR_getresgid32, (long)r, (long)e, (long)s));
}
