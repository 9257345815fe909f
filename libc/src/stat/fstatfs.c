/* libc/src/stat/fstatfs.c: fstatfs(2), through fstatfs64. */
#include <sys/statfs.h>

#include "syscall.h"

int fstatfs(int fd, struct statfs *buf)
{
	return __syscall_ret(__syscall3(__NR_fstatfs64, fd, sizeof(*buf),
					(long)buf));
}
