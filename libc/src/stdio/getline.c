/* libc/src/stdio/getline.c: getdelim up to a '\n'. */
#include <sys/types.h>

#include "stdio_impl.h"

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}
