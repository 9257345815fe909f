/* libc/src/unistd/getuid.c: getuid(2), the 32-bit call; it cannot fail. */
#include <unistd.h>

#include "syscall.h"

uid_t getuid(void)
{
	return __syscall0(__NR_getuid32);
}
