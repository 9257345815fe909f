/* libc/src/unistd/getgid.c: getgid(2), the 32-bit call; it cannot fail. */
#include <unistd.h>

#include "syscall.h"

gid_t getgid(void)
{
	return __syscall0(__NR_getgid32);
}
