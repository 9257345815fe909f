/* libc/src/stdio/__stdio_write.c: a stream's bytes to its descriptor;
 * write(2) may take fewer bytes than asked, so loop. */
#include <unistd.h>

#include "stdio_impl.h"

size_t __stdio_write(FILE *f, const unsigned char *s, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(f->fd, s + done, n - done);
		if (r <= 0) {
			f->flags |= F_ERR;
			break;
		}
		done += r;
	}
	return done;
}
