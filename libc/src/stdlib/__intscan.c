/* libc/src/stdlib/__intscan.c: the digits part of strtol and strtoul:
 * [spaces][+|-][0x|0]digits in base 2..36, or 0 for C's rule. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>

#include "libc.h"

static int digit(int c)
{
	if (isdigit(c))
		return c - '0';
	return isalpha(c) ? (c | 32) - 'a' + 10 : 99;
}

unsigned long __intscan(const char *s, char **end, int base, int *neg,
			int *over)
{
	const char *p = s;
	unsigned long v = 0;
	int any = 0;

	*neg = *over = 0;
	while (isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    isxdigit(p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		base = 0;  /* no digit is below 0: parses nothing */
	}
	for (; digit(*p) < base; p++, any = 1) {
		if (v > (ULONG_MAX - digit(*p)) / base)
			*over = 1;
		v = v * base + digit(*p);
	}
	if (end)
		*end = (char *)(any ? p : s);  /* no digits: nothing parsed */
	return any ? v : 0;
}
