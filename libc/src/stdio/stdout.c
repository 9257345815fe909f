/* libc/src/stdio/stdout.c: standard output, fd 1, line-buffered: a line
 * goes out at its '\n', anything else at fflush or exit. */
#include "stdio_impl.h"

static unsigned char buf[BUFSIZ];
static FILE f = {
	.fd = 1, .flags = F_LBF, .buf = buf, .size = sizeof(buf),
	.write = __stdio_write,
};
FILE *const stdout = &f;
