/* libc/src/misc/getauxval.c: read the auxiliary vector exec left above
 * envp (pairs of words, ending with AT_NULL). */
#include <errno.h>
#include <sys/auxv.h>

#include "libc.h"

unsigned long getauxval(unsigned long type)
{
	for (uint32_t *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
