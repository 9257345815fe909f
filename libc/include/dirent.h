/* dirent.h: reading directories. getdents64(2) gives the kernel's records
 * (struct linux_dirent64, kernel/uapi/stat.h); opendir/readdir/closedir
 * hand them out one at a time as struct dirent, as POSIX has it. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

#include "kernel/uapi/stat.h"  /* DT_* */

/* One entry, as glibc's with 64-bit offsets: d_name is NUL-terminated. */
struct dirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;   /* DT_*; DT_UNKNOWN if the file system says not */
	char d_name[256];
};

typedef struct __dirstream DIR;

ssize_t getdents64(int fd, void *buf, size_t n);

/* Open the directory path for reading (O_DIRECTORY); NULL and errno on
 * failure (ENOTDIR for a file, ENOMEM). The DIR is freed by closedir. */
DIR *opendir(const char *path);

/* The next entry ("." and ".." included, in the file system's order), or
 * NULL at the end (errno unchanged) or on an error (errno set). The
 * entry lives in d and is overwritten by the next call. */
struct dirent *readdir(DIR *d);

/* Close d's descriptor and free d; 0, or -1 and errno. */
int closedir(DIR *d);

/* The descriptor d reads from. */
int dirfd(DIR *d);

#endif
