/* libc/src/stdio/feof.c: has a read on f met the end of file? */
#include "stdio_impl.h"

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}
