/* libc/src/stat/statfs.c: statfs(2), through statfs64. */
#include <sys/statfs.h>

#include "syscall.h"

_Static_assert(sizeof(struct statfs) == sizeof(struct statfs64),
	       "struct statfs is the kernel's statfs64");

int statfs(const char *path, struct statfs *buf)
{
	return __syscall_ret(__syscall3(__NR_statfs64, (long)path,
					sizeof(*buf), (long)buf));
}
