/* libc/src/string/strchr.c: the first c in s (the NUL counts), or NULL. */
#include <string.h>

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}
