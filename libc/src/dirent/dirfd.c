/* libc/src/dirent/dirfd.c: the descriptor under a directory stream. */
#include <dirent.h>

#include "dirent_impl.h"

int dirfd(DIR *d)
{
	return d->fd;
}
