/* libc/src/string/strrchr.c: the last c in s (the NUL counts), or NULL. */
#include <string.h>

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
