/* libc/src/stdio/fclose.c: flush a stream, close its descriptor and free
 * it (the standard streams are closed but not freed). */
#include <stdlib.h>
#include <unistd.h>

#include "stdio_impl.h"

int fclose(FILE *f)
{
	int r = __fflush_one(f);
	if (close(f->fd) < 0)
		r = EOF;
	if (f != stdin && f != stdout && f != stderr)
		free(f);
	return r;
}
