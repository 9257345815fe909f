/* libc/src/unistd/setuid.c: setuid(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int setuid(uid_t id)
{
	return __syscall_ret(__syscall1(__NR_setuid32, (long)id));
}
