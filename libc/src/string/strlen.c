/* libc/src/string/strlen.c: bytes before the NUL. */
#include <string.h>

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}
