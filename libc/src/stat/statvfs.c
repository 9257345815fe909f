/* libc/src/stat/statvfs.c: statvfs(3), POSIX's name for what statfs()
 * says (as musl makes it): the same counts, f_frsize never 0, f_favail
 * the free inodes, and f_flag without Linux's ST_VALID. fstatvfs uses
 * the same conversion. */
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "libc.h"

void __statvfs_from_statfs(struct statvfs *out, const struct statfs *in)
{
	*out = (struct statvfs){
		.f_bsize = in->f_bsize,
		.f_frsize = in->f_frsize ? in->f_frsize : in->f_bsize,
		.f_blocks = in->f_blocks,
		.f_bfree = in->f_bfree,
		.f_bavail = in->f_bavail,
		.f_files = in->f_files,
		.f_ffree = in->f_ffree,
		.f_favail = in->f_ffree,
		.f_fsid = (unsigned long)in->f_fsid.__val[0],
		.f_flag = in->f_flags & ~(unsigned long)ST_VALID,
		.f_namemax = in->f_namelen,
		.f_type = (unsigned)in->f_type,
	};
}

int statvfs(const char *path, struct statvfs *buf)
{
	struct statfs st;
	if (statfs(path, &st))
		return -1;
	__statvfs_from_statfs(buf, &st);
	return 0;
}
