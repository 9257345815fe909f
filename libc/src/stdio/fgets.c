/* libc/src/stdio/fgets.c: read a line (with its '\n') into buf, at most
 * n - 1 bytes and a NUL; NULL at end of file with nothing read. */
#include "stdio_impl.h"

char *fgets(char *restrict buf, int n, FILE *restrict f)
{
	int i = 0;

	if (n <= 0)
		return NULL;
	while (i < n - 1) {
		int c = fgetc(f);
		if (c == EOF)
			break;
		buf[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && n > 1)
		return NULL;
	buf[i] = 0;
	return buf;
}
