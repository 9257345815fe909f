/* libc/src/stdio/getdelim.c: read up to and including delim into *line,
 * growing it with realloc as POSIX says. */
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>

#include "stdio_impl.h"

ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim,
		 FILE *restrict f)
{
	size_t len = 0;

	if (!line || !cap) {
		errno = EINVAL;
		f->flags |= F_ERR;
		return -1;
	}
	if (!*line)
		*cap = 0;
	for (;;) {
		int c = fgetc(f);
		if (c == EOF && len == 0)
			return -1;
		if (len + 2 > *cap) {  /* room for c and the NUL */
			size_t want = *cap < 64 ? 128 : *cap * 2;
			char *p = realloc(*line, want);
			if (!p) {
				errno = ENOMEM;
				f->flags |= F_ERR;
				return -1;
			}
			*line = p;
			*cap = want;
		}
		if (c == EOF)
			break;
		(*line)[len++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[len] = 0;
	return len;
}
