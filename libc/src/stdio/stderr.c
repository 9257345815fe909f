/* libc/src/stdio/stderr.c: standard error, fd 2, unbuffered: every
 * write goes out at once, so a crash loses nothing. */
#include "stdio_impl.h"

static FILE f = { .fd = 2, .write = __stdio_write };
FILE *const stderr = &f;
