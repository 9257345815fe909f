/* sys/statfs.h: statfs() and fstatfs(), Linux's: which filesystem a file
 * is on (f_type, a magic number such as TMPFS_MAGIC) and how full it is.
 * struct statfs is the kernel's struct statfs64 (84 bytes), so the
 * counts are 64-bit, as musl and glibc's LFS build give them. */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <sys/types.h>

#include "kernel/uapi/statfs.h"

typedef struct { int __val[2]; } fsid_t;

struct statfs {
	unsigned long f_type, f_bsize;
	fsblkcnt_t f_blocks, f_bfree, f_bavail;
	fsfilcnt_t f_files, f_ffree;
	fsid_t f_fsid;
	unsigned long f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed, aligned(4)));

int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);

#endif
