/* libc/src/poll/poll.c: poll(2). */
#include <poll.h>

#include "syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	return __syscall_ret(__syscall3(__NR_poll, (long)fds, (long)n, timeout));
}
