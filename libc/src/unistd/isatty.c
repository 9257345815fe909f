/* libc/src/unistd/isatty.c: is fd a terminal? Asks for its window size,
 * which only terminals have (musl asks the same). */
#include <unistd.h>

#include "kernel/uapi/ioctls.h"
#include "syscall.h"

int isatty(int fd)
{
	unsigned short ws[4];  /* struct winsize: rows, cols, xpixel, ypixel */

	return __syscall_ret(__syscall3(__NR_ioctl, fd, TIOCGWINSZ,
					(long)ws)) == 0;
}
