/* libc/src/unistd/truncate.c: truncate(2). */
#include <unistd.h>

#include "syscall.h"

int truncate(const char *path, off_t len)
{
	return __syscall_ret(__syscall3(__NR_truncate64, (long)path, len, len < 0 ? -1 : 0));
}
