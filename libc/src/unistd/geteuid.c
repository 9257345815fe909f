/* libc/src/unistd/geteuid.c: geteuid(2), the 32-bit call; it cannot fail. */
#include <unistd.h>

#include "syscall.h"

uid_t geteuid(void)
{
	return __syscall0(__NR_geteuid32);
}
