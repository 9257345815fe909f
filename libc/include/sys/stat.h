/* sys/stat.h: file status and modes. struct stat is Linux i386's struct
 * stat64 (kernel/uapi/stat.h), filled by the *64 calls, so sizes and
 * inode numbers are 64-bit. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <time.h>

#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/stat.h"

/* The name stat is both the structure and the function, as POSIX has it;
 * both become the stat64 ones (as glibc does with _FILE_OFFSET_BITS=64). */
#define stat stat64
#define st_atime st_atime_sec
#define st_mtime st_mtime_sec
#define st_ctime st_ctime_sec

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int statx(int dirfd, const char *path, int flags, unsigned mask,
	  struct statx *sx);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);
/* times[0] is the access time, times[1] the modification time; a tv_nsec
 * of UTIME_NOW or UTIME_OMIT means now or unchanged; NULL: both now. */
int utimensat(int dirfd, const char *path, const struct timespec times[2],
	      int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
