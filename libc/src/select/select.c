/* libc/src/select/select.c: select(2), through i386's _newselect. */
#include <sys/select.h>

#include "syscall.h"

int select(int n, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout)
{
	return __syscall_ret(__syscall5(__NR__newselect, n, (long)rd, (long)wr,
					(long)ex, (long)timeout));
}
