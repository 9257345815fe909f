/* fcntl.h: open() and its flags, Linux's values (kernel/uapi/fcntl.h). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include "kernel/uapi/fcntl.h"

/* Open path; mode (an int after flags) is read only with O_CREAT.
 * Returns a file descriptor, or -1 and errno. */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, mode_t mode);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, long arg);

#endif
