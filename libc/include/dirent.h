/* dirent.h: reading directories with getdents64(2), as glibc declares
 * it; records are struct linux_dirent64 (kernel/uapi/stat.h). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

#include "kernel/uapi/stat.h"

ssize_t getdents64(int fd, void *buf, size_t n);

#endif
