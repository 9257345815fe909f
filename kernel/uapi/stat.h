/* kernel/uapi/stat.h: file types and modes, and the structures stat64(),
 * statx() and getdents64() fill, laid out exactly as Linux's i386 headers
 * give them (asm/stat.h, linux/stat.h, linux/dirent.h). Shared by the
 * kernel and libc. */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <stddef.h>
#include <stdint.h>

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  04000
#define S_ISGID  02000
#define S_ISVTX  01000
#define S_IRWXU  00700
#define S_IRUSR  00400
#define S_IWUSR  00200
#define S_IXUSR  00100
#define S_IRWXG  00070
#define S_IRGRP  00040
#define S_IWGRP  00020
#define S_IXGRP  00010
#define S_IRWXO  00007
#define S_IROTH  00004
#define S_IWOTH  00002
#define S_IXOTH  00001

#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* The *at() calls' flags. */
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR        0x200
#define AT_EACCESS          0x200  /* faccessat */
#define AT_SYMLINK_FOLLOW   0x400
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000

/* utimensat: a tv_nsec that means "now" or "leave this time alone". */
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#define AT_STATX_SYNC_TYPE  0x6000

/* Device numbers as Linux's new_encode_dev() packs them for stat64. */
#define MKDEV(major, minor) (((major) << 8) | (minor))

struct stat64 {
	uint64_t st_dev;
	uint8_t  __pad0[4];
	uint32_t __st_ino;        /* the low 32 bits of st_ino */
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint8_t  __pad3[4];
	int64_t  st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;       /* 512-byte blocks */
	uint32_t st_atime_sec;
	uint32_t st_atime_nsec;
	uint32_t st_mtime_sec;
	uint32_t st_mtime_nsec;
	uint32_t st_ctime_sec;
	uint32_t st_ctime_nsec;
	uint64_t st_ino;
};

/* The layout is i386's, where a 64-bit field needs only 4-byte alignment;
 * a 64-bit host build of kernel code (the fuzz target of fs/namei.c) uses
 * only the mode bits above, so the checks are for i386 builds. */
#ifdef __i386__
_Static_assert(sizeof(struct stat64) == 96, "i386 struct stat64 is 96 bytes");
_Static_assert(offsetof(struct stat64, __st_ino) == 12, "stat64.__st_ino");
_Static_assert(offsetof(struct stat64, st_mode) == 16, "stat64.st_mode");
_Static_assert(offsetof(struct stat64, st_rdev) == 32, "stat64.st_rdev");
_Static_assert(offsetof(struct stat64, st_size) == 44, "stat64.st_size");
_Static_assert(offsetof(struct stat64, st_blksize) == 52, "stat64.st_blksize");
_Static_assert(offsetof(struct stat64, st_blocks) == 56, "stat64.st_blocks");
_Static_assert(offsetof(struct stat64, st_atime_sec) == 64, "stat64.st_atime");
_Static_assert(offsetof(struct stat64, st_ctime_nsec) == 84, "stat64.st_ctime_nsec");
_Static_assert(offsetof(struct stat64, st_ino) == 88, "stat64.st_ino");
#endif

struct statx_timestamp {
	int64_t  tv_sec;
	uint32_t tv_nsec;
	int32_t  __reserved;
};

/* statx() mask bits */
#define STATX_TYPE        0x0001u
#define STATX_MODE        0x0002u
#define STATX_NLINK       0x0004u
#define STATX_UID         0x0008u
#define STATX_GID         0x0010u
#define STATX_ATIME       0x0020u
#define STATX_MTIME       0x0040u
#define STATX_CTIME       0x0080u
#define STATX_INO         0x0100u
#define STATX_SIZE        0x0200u
#define STATX_BLOCKS      0x0400u
#define STATX_BASIC_STATS 0x07ffu
#define STATX__RESERVED   0x80000000u

struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0[1];
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t __spare3[12];
};

_Static_assert(sizeof(struct statx_timestamp) == 16, "statx_timestamp");
_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");
_Static_assert(offsetof(struct statx, stx_mode) == 28, "statx.stx_mode");
_Static_assert(offsetof(struct statx, stx_ino) == 32, "statx.stx_ino");
_Static_assert(offsetof(struct statx, stx_size) == 40, "statx.stx_size");
_Static_assert(offsetof(struct statx, stx_atime) == 64, "statx.stx_atime");
_Static_assert(offsetof(struct statx, stx_mtime) == 112, "statx.stx_mtime");
_Static_assert(offsetof(struct statx, stx_rdev_major) == 128, "statx.stx_rdev_major");
_Static_assert(offsetof(struct statx, stx_mnt_id) == 144, "statx.stx_mnt_id");

/* d_type values */
#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t  d_off;     /* cookie for the next entry (lseek to it) */
	uint16_t d_reclen;  /* this record, name and padding included; 8-aligned */
	uint8_t  d_type;
	char     d_name[];  /* NUL-terminated */
} __attribute__((packed));

_Static_assert(offsetof(struct linux_dirent64, d_reclen) == 16, "dirent64.d_reclen");
_Static_assert(offsetof(struct linux_dirent64, d_type) == 18, "dirent64.d_type");
_Static_assert(offsetof(struct linux_dirent64, d_name) == 19, "dirent64.d_name");

#endif
