/* libc/src/stdio/__fflush_one.c: write out what f has buffered, under
 * f's lock (threads take turns). */
#include "pthread_impl.h"
#include "stdio_impl.h"

int __fflush_unlocked(FILE *f)
{
	size_t n = f->wpos;

	if (n == 0)
		return 0;
	f->wpos = 0;
	if (f->write(f, f->buf, n) < n) {
		f->flags |= F_ERR;
		return EOF;
	}
	return 0;
}

int __fflush_one(FILE *f)
{
	int taken = FLOCK(f);
	int r = __fflush_unlocked(f);
	FUNLOCK(f, taken);
	return r;
}
