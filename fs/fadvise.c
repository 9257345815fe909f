/* fs/fadvise.c: fadvise64 and fadvise64_64 (posix_fadvise): a program
 * says how it will read a file, so the kernel may read ahead or drop
 * pages. pagoda's files are all in memory (the tree is a tmpfs, and
 * Linux's tmpfs takes every advice as a no-op too), so valid advice
 * changes nothing; what is checked is what Linux checks: the descriptor
 * (EBADF), a pipe (ESPIPE), a negative length or an unknown advice
 * (EINVAL). */
#include "fs/syscalls.h"

#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/pipe.h"
#include "kernel/uapi/errno.h"

#define POSIX_FADV_NOREUSE 5  /* the last: NORMAL 0, RANDOM 1, SEQUENTIAL 2,
				 WILLNEED 3, DONTNEED 4, NOREUSE 5 */

static long do_fadvise(int fd, int64_t len, int advice)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = pipe_is(f) ? -ESPIPE :
		   len < 0 || advice < 0 || advice > POSIX_FADV_NOREUSE ? -EINVAL :
		   0;
	file_put(f);
	return err;
}

/* fadvise64(fd, offset_lo, offset_hi, len, advice): the length is a
 * size_t, never negative. */
long sys_fadvise64(uint32_t fd, uint32_t off_lo, uint32_t off_hi,
		   uint32_t len, uint32_t advice, uint32_t a6)
{
	return do_fadvise((int)fd, len, (int)advice);
}

/* fadvise64_64(fd, offset_lo, offset_hi, len_lo, len_hi, advice), i386's
 * order: what glibc's and musl's posix_fadvise use. */
long sys_fadvise64_64(uint32_t fd, uint32_t off_lo, uint32_t off_hi,
		      uint32_t len_lo, uint32_t len_hi, uint32_t advice)
{
	int64_t len = (int64_t)((uint64_t)len_hi << 32 | len_lo);
	return do_fadvise((int)fd, len, (int)advice);
}
