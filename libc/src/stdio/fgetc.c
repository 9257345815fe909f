/* libc/src/stdio/fgetc.c: the next byte of f, or EOF. Refills the buffer
 * with one read(2); stdout is flushed first so a prompt shows. Under f's
 * lock: threads take turns. */
#include <unistd.h>

#include "pthread_impl.h"
#include "stdio_impl.h"

static int fgetc_locked(FILE *f)
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

int fgetc(FILE *f)
{
	int taken = FLOCK(f);
	int c = fgetc_locked(f);
	FUNLOCK(f, taken);
	return c;
}
