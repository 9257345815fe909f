/* libc/src/dirent/readdir.c: the next entry of a directory stream,
 * refilling its buffer with getdents64(2) when it runs out. */
#include <dirent.h>
#include <string.h>

#include "dirent_impl.h"

struct dirent *readdir(DIR *d)
{
	if (d->pos >= d->end) {
		ssize_t n = getdents64(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;  /* the end, or an error with errno set */
		d->pos = 0;
		d->end = n;
	}
	struct linux_dirent64 *k = (struct linux_dirent64 *)(d->buf + d->pos);
	d->pos += k->d_reclen;
	d->ent.d_ino = k->d_ino;
	d->ent.d_off = k->d_off;
	d->ent.d_reclen = sizeof(d->ent);
	d->ent.d_type = k->d_type;
	size_t len = strnlen(k->d_name, sizeof(d->ent.d_name) - 1);
	memcpy(d->ent.d_name, k->d_name, len);
	d->ent.d_name[len] = 0;
	return &d->ent;
}
