/* libc/src/fcntl/posix_fadvise.c: posix_fadvise(3) through fadvise64_64,
 * whose 64-bit offset and length go as low and high halves. POSIX has it
 * return the error rather than set errno. */
#include <fcntl.h>

#include "syscall.h"

int posix_fadvise(int fd, off_t offset, off_t len, int advice)
{
	long long off = offset, n = len;
	return (int)-__syscall6(__NR_fadvise64_64, fd, (long)off,
				(long)(off >> 32), (long)n, (long)(n >> 32),
				advice);
}
