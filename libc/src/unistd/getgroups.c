/* libc/src/unistd/getgroups.c: getgroups(2), the 32-bit call. */
#include <unistd.h>

#include "syscall.h"

int getgroups(int size, gid_t list[])
{
	return __syscall_ret(__syscall2(__NR_getgroups32, size, (long)list));
}
