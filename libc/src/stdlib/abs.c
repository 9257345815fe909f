/* libc/src/stdlib/abs.c: |x| (undefined for INT_MIN, as in C). */
#include <stdlib.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}
