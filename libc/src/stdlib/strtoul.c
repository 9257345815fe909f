/* libc/src/stdlib/strtoul.c: parse an unsigned long; "-n" gives -n as C
 * says. Out of range: ULONG_MAX and errno = ERANGE. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long v = __intscan(s, end, base, &neg, &over);

	if (over) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -v : v;
}
