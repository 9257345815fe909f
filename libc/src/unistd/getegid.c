/* libc/src/unistd/getegid.c: getegid(2), the 32-bit call; it cannot fail. */
#include <unistd.h>

#include "syscall.h"

gid_t getegid(void)
{
	return __syscall0(__NR_getegid32);
}
