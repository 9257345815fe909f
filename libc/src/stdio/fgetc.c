/* libc/src/stdio/fgetc.c: the next byte of f, or EOF. Refills the buffer
 * with one read(2); stdout is flushed first so a prompt shows. */
#include <unistd.h>

#include "stdio_impl.h"

int fgetc(FILE *f)
{
	if (f->rpos == f->rend) {
		if (f->flags & (F_EOF | F_ERR))
			return EOF;
		fflush(stdout);
		ssize_t n = read(f->fd, f->buf, f->size);
		if (n <= 0) {
			f->flags |= n == 0 ? F_EOF : F_ERR;
			return EOF;
		}
		f->rpos = 0;
		f->rend = n;
	}
	return f->buf[f->rpos++];
}
