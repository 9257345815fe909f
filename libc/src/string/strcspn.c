/* libc/src/string/strcspn.c: how many leading bytes of s are not in
 * reject (the length of s if none is). */
#include <string.h>

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;
	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}
