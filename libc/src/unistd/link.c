/* libc/src/unistd/link.c: link(2). */
#include <unistd.h>

#include "syscall.h"

int link(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(__NR_link, (long)old, (long)new));
}
