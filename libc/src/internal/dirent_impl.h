/* libc/src/internal/dirent_impl.h: what a DIR is: a descriptor and one
 * getdents64 buffer, handed out a record at a time. */
#ifndef _INTERNAL_DIRENT_IMPL_H
#define _INTERNAL_DIRENT_IMPL_H

#include <dirent.h>

struct __dirstream {
	int fd;
	size_t pos, end;     /* records not yet handed out: buf[pos, end) */
	struct dirent ent;   /* what readdir returned last */
	char buf[2048];      /* struct linux_dirent64 records */
};

#endif
