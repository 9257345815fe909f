/* kernel/uapi/statfs.h: the structures statfs() and statfs64() fill, laid
 * out as Linux's i386 headers give them (asm-generic/statfs.h), and the
 * magic numbers that say which filesystem a file is on
 * (linux/magic.h). Shared by the kernel and libc. */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

#include <stdint.h>

#define TMPFS_MAGIC      0x01021994u  /* the tree (/, /tmp, /dev) */
#define PROC_SUPER_MAGIC 0x9fa0u      /* /proc */
#define PIPEFS_MAGIC     0x50495045u  /* pipes */

#define ST_RDONLY 0x0001u  /* f_flags: mounted read-only */
#define ST_NOSUID 0x0002u  /* set-user-id bits are ignored */
#define ST_VALID  0x0020u  /* f_flags is filled in (Linux's own) */

/* statfs (99) and fstatfs (100): 32-bit counts (EOVERFLOW if one does
 * not fit). 64 bytes. */
struct statfs32 {
	uint32_t f_type, f_bsize;
	uint32_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags;
	uint32_t f_spare[4];
};

/* statfs64 (268) and fstatfs64 (269), whose size argument must be
 * sizeof(struct statfs64): 84 bytes (the 64-bit counts are 4-aligned on
 * i386). */
struct statfs64 {
	uint32_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags;
	uint32_t f_spare[4];
} __attribute__((packed, aligned(4)));

_Static_assert(sizeof(struct statfs32) == 64, "Linux i386 struct statfs");
_Static_assert(sizeof(struct statfs64) == 84, "Linux i386 struct statfs64");

#endif
