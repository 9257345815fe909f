/* fcntl.h: open() and its flags, Linux's values (kernel/uapi/fcntl.h). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include "kernel/uapi/fcntl.h"

/* Open path; mode (an int after flags) is read only with O_CREAT.
 * Returns a file descriptor, or -1 and errno. */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, mode_t mode);

/* posix_fadvise: how fd's bytes [offset, offset + len) will be read.
 * Returns 0 or an error number (errno is not set). */
#define POSIX_FADV_NORMAL     0
#define POSIX_FADV_RANDOM     1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED   3
#define POSIX_FADV_DONTNEED   4
#define POSIX_FADV_NOREUSE    5
int posix_fadvise(int fd, off_t offset, off_t len, int advice);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, long arg);

#endif
