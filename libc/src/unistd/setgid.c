/* libc/src/unistd/setgid.c: setgid(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int setgid(gid_t id)
{
	return __syscall_ret(__syscall1(__NR_setgid32, (long)id));
}
