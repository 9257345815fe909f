/* libc/src/unistd/setresuid.c: setresuid(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int setresuid(uid_t r, uid_t e, uid_t s)
{
	return __syscall_ret(__syscall3(__NR_setresuid32, (long)r, (long)e, (long)s));
}
