/* libc/src/stdio/fopen.c: open a file as a stream. Modes "r", "w", "a",
 * each with an optional "+" (and a "b", which means nothing on Linux). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdio_impl.h"

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int flags;
	switch (mode[0]) {
	case 'r': flags = O_RDONLY; break;
	case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
	default: errno = EINVAL; return NULL;
	}
	if (strchr(mode, '+'))
		flags = (flags & ~O_WRONLY) | O_RDWR;
	FILE *f = calloc(1, sizeof(*f) + BUFSIZ);
	if (!f) {
		errno = ENOMEM;
		return NULL;
	}
	f->fd = open(path, flags | O_CLOEXEC, 0666);
	if (f->fd < 0) {
		free(f);
		return NULL;
	}
	f->buf = (unsigned char *)(f + 1);
	f->size = BUFSIZ;
	f->write = __stdio_write;
	return f;
}
