/* libc/src/unistd/tcpgrp.c: the terminal's foreground process group. */
#include <unistd.h>

#include "kernel/uapi/ioctls.h"
#include "syscall.h"

pid_t tcgetpgrp(int fd)
{
	int pgrp;
	long r = __syscall3(__NR_ioctl, fd, TIOCGPGRP, (long)&pgrp);
	return r < 0 ? __syscall_ret(r) : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TIOCSPGRP, (long)&p));
}
