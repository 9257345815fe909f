/* libc/src/stdio/ferror.c: has a read or write on f failed? */
#include "stdio_impl.h"

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}
