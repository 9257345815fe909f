/* sys/statvfs.h: statvfs() and fstatvfs(), POSIX's view of a filesystem,
 * made from Linux's statfs64 (libc/src/stat/statvfs.c). */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <sys/types.h>

#include "kernel/uapi/statfs.h"  /* f_flag's ST_RDONLY, ST_NOSUID */

struct statvfs {
	unsigned long f_bsize;    /* preferred I/O size */
	unsigned long f_frsize;   /* the unit of f_blocks, f_bfree, f_bavail */
	fsblkcnt_t f_blocks, f_bfree, f_bavail;  /* all, free, free to users */
	fsfilcnt_t f_files, f_ffree, f_favail;   /* inodes, likewise */
	unsigned long f_fsid;
	unsigned long f_flag;     /* ST_RDONLY, ST_NOSUID */
	unsigned long f_namemax;  /* longest name */
	unsigned int f_type;      /* Linux's magic (not POSIX) */
};

int statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);

#endif
