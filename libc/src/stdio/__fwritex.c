/* libc/src/stdio/__fwritex.c: the one path every output function takes:
 * into the buffer, flushed when full and, line-buffered, after a '\n'. */
#include <string.h>

#include "pthread_impl.h"
#include "stdio_impl.h"

size_t __fwritex_unlocked(const unsigned char *s, size_t n, FILE *f)
{
	if (!f->buf)
		return f->write(f, s, n);
	for (size_t i = 0; i < n;) {
		if (f->wpos == f->size && __fflush_unlocked(f))
			return i;
		size_t k = f->size - f->wpos;
		if (k > n - i)
			k = n - i;
		memcpy(f->buf + f->wpos, s + i, k);
		f->wpos += k;
		i += k;
	}
	if ((f->flags & F_LBF) && memchr(s, '\n', n) && __fflush_unlocked(f))
		return 0;  /* (bytes before the error may have gone out) */
	return n;
}

size_t __fwritex(const unsigned char *s, size_t n, FILE *f)
{
	int taken = FLOCK(f);
	size_t r = __fwritex_unlocked(s, n, f);
	FUNLOCK(f, taken);
	return r;
}
