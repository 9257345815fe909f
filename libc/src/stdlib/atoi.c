/* libc/src/stdlib/atoi.c: a decimal int, no error reporting. */
#include <stdlib.h>

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
