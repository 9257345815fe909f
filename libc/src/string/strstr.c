/* libc/src/string/strstr.c: the first place needle occurs in hay, or
 * NULL; an empty needle is found at hay. A plain quadratic search. */
#include <string.h>

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return n == 0 ? (char *)hay : NULL;
}
