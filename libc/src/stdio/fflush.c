/* libc/src/stdio/fflush.c: write out f's buffer; NULL means every
 * output stream (stdout; stderr has no buffer). */
#include "stdio_impl.h"

int fflush(FILE *f)
{
	return __fflush_one(f ? f : stdout);
}
