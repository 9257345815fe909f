/* libc/src/unistd/getresuid.c: getresuid(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
	return __syscall_ret(__syscall3(__NR_getresuid32, (long)r, (long)e, (long)s));
}
