/* libc/src/stdlib/strtol.c: parse a long. Out of range: LONG_MAX or
 * LONG_MIN and errno = ERANGE. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

long strtol(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long v = __intscan(s, end, base, &neg, &over);

	if (over || v > (unsigned long)LONG_MAX + neg) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? (long)(0ul - v) : (long)v;
}
