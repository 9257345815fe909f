/* libc/src/stdio/stdin.c: standard input, fd 0, read a buffer at a time
 * (a terminal gives one line per read). */
#include "stdio_impl.h"

static unsigned char buf[BUFSIZ];
static FILE f = { .fd = 0, .buf = buf, .size = sizeof(buf),
		  .write = __stdio_write };
FILE *const stdin = &f;
