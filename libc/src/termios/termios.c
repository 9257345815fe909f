/* libc/src/termios/termios.c: tcgetattr, tcsetattr, cfmakeraw. */
#include <errno.h>
#include <termios.h>

#include "kernel/uapi/ioctls.h"
#include "syscall.h"

int tcgetattr(int fd, struct termios *t)
{
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TCGETS, (long)t));
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TCSETS + action,
					(long)t));
}

/* As glibc: no input or output processing, no echo, no signals, bytes
 * as they come, one at a time. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNCR | INLCR | ICRNL | IXON | BRKINT);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag = (t->c_cflag & ~(tcflag_t)CSIZE) | CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
