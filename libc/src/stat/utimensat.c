/* libc/src/stat/utimensat.c: utimensat(2) and futimens(3), which is
 * utimensat on the descriptor itself (a NULL path, as Linux allows). The
 * 32-bit-time call (320): this libc's time_t is 32 bits. */
#include <sys/stat.h>

#include "syscall.h"

int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags)
{
	return __syscall_ret(__syscall4(__NR_utimensat, dirfd, (long)path,
					(long)times, flags));
}

int futimens(int fd, const struct timespec times[2])
{
	return utimensat(fd, NULL, times, 0);
}
