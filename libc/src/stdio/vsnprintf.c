/* libc/src/stdio/vsnprintf.c: format into buf, at most n bytes with the
 * NUL; returns the length the whole result would have had. */
#include <string.h>

#include "stdio_impl.h"

/* The write function of a string stream: keep what fits, claim all. */
static size_t string_write(FILE *f, const unsigned char *s, size_t n)
{
	size_t room = f->str_cap - f->str_len;
	size_t k = n < room ? n : room;

	memcpy(f->str + f->str_len, s, k);
	f->str_len += k;
	return n;
}

int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt,
	      va_list ap)
{
	FILE f = { .fd = -1, .write = string_write, .str = buf,
		   .str_cap = n ? n - 1 : 0 };
	int r = vfprintf(&f, fmt, ap);

	if (n)
		buf[f.str_len] = 0;
	return r;
}
