/* libc/src/stat/fstatvfs.c: fstatvfs(3), statvfs for an open file. */
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "libc.h"

int fstatvfs(int fd, struct statvfs *buf)
{
	struct statfs st;
	if (fstatfs(fd, &st))
		return -1;
	__statvfs_from_statfs(buf, &st);
	return 0;
}
