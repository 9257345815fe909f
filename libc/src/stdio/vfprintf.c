/* libc/src/stdio/vfprintf.c: the printf engine every printf-family
 * function ends in. Output goes through __fwritex; the count is returned. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "pthread_impl.h"
#include "stdio_impl.h"

#define FL_MINUS 1  /* '-': pad on the right */
#define FL_ZERO  2  /* '0': pad numbers with zeros */
#define FL_PLUS  4  /* '+': a sign even when positive */
#define FL_SPACE 8  /* ' ': a space where '+' would go */
#define FL_ALT  16  /* '#': 0x for %x, a leading 0 for %o */

struct spec {
	int flags, width, prec;  /* prec < 0: none given */
	char size;               /* 'H' hh, 'h', 'l', 'L' ll, 0 int */
	char conv;
};

struct out {
	FILE *f;
	int count;
};

static const char flag_chars[] = "-0+ #";  /* in FL_* bit order */

static void put(struct out *o, const char *s, int n)
{
	if (n > 0) {
		__fwritex_unlocked((const unsigned char *)s, n, o->f);
		o->count += n;
	}
}

static void pad(struct out *o, char c, int n)
{
	static const char spaces[16] = "                ";
	static const char zeros[16] = "0000000000000000";

	for (; n > 0; n -= 16)
		put(o, c == '0' ? zeros : spaces, n < 16 ? n : 16);
}

/* Write one conversion: [spaces] prefix [zeros] body [spaces]. */
static void emit(struct out *o, const struct spec *sp, const char *prefix,
		 int zeros, const char *body, int len)
{
	int plen = strlen(prefix);
	int fill = sp->width - (plen + zeros + len);

	if (!(sp->flags & (FL_MINUS | FL_ZERO)))
		pad(o, ' ', fill);
	put(o, prefix, plen);
	if ((sp->flags & (FL_MINUS | FL_ZERO)) == FL_ZERO)
		pad(o, '0', fill);
	pad(o, '0', zeros);
	put(o, body, len);
	if (sp->flags & FL_MINUS)
		pad(o, ' ', fill);
}

static void integer(struct out *o, struct spec *sp, unsigned long long v,
		    int neg)
{
	const char *digits = sp->conv == 'X' ? "0123456789ABCDEF"
					     : "0123456789abcdef";
	unsigned base = sp->conv == 'o' ? 8 : strchr("xXp", sp->conv) ? 16 : 10;
	char buf[24], *end = buf + sizeof(buf), *p = end;
	const char *prefix = "";

	for (; v; v /= base)
		*--p = digits[v % base];
	if (sp->prec < 0 && p == end)
		*--p = '0';  /* 0 prints as "0", unless the precision is 0 */
	if (sp->prec >= 0)
		sp->flags &= ~FL_ZERO;
	if (neg)
		prefix = "-";
	else if (strchr("di", sp->conv) && (sp->flags & FL_PLUS))
		prefix = "+";
	else if (strchr("di", sp->conv) && (sp->flags & FL_SPACE))
		prefix = " ";
	else if (sp->conv == 'p' || ((sp->flags & FL_ALT) && p != end &&
				     *p != '0' && base == 16))
		prefix = sp->conv == 'X' ? "0X" : "0x";
	else if ((sp->flags & FL_ALT) && base == 8 && (p == end || *p != '0'))
		*--p = '0';
	int len = end - p;
	emit(o, sp, prefix, sp->prec > len ? sp->prec - len : 0, p, len);
}

/* The next argument, signed or not, read at the size the spec says. */
static unsigned long long arg(va_list *ap, const struct spec *sp, int *neg)
{
	long long s;

	*neg = 0;
	if (!strchr("di", sp->conv)) {
		if (sp->size == 'L')
			return va_arg(*ap, unsigned long long);
		unsigned long u = sp->size == 'l' ? va_arg(*ap, unsigned long)
						  : va_arg(*ap, unsigned int);
		return sp->size == 'h' ? (unsigned short)u
		     : sp->size == 'H' ? (unsigned char)u : u;
	}
	if (sp->size == 'L')
		s = va_arg(*ap, long long);
	else
		s = sp->size == 'l' ? va_arg(*ap, long) : va_arg(*ap, int);
	if (sp->size == 'h')
		s = (short)s;
	else if (sp->size == 'H')
		s = (signed char)s;
	*neg = s < 0;
	return s < 0 ? -(unsigned long long)s : (unsigned long long)s;
}

/* Parse "%[flags][width][.prec][size]conv" at fmt (just past the '%'). */
static const char *parse(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (const char *f; *fmt && (f = strchr(flag_chars, *fmt)); fmt++)
		sp->flags |= 1 << (f - flag_chars);
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0)
			sp->flags |= FL_MINUS, sp->width = -sp->width;
		fmt++;
	}
	for (; *fmt >= '0' && *fmt <= '9'; fmt++)
		sp->width = sp->width * 10 + *fmt - '0';
	if (*fmt == '.') {
		sp->prec = 0;
		if (*++fmt == '*') {
			sp->prec = va_arg(*ap, int);  /* negative: as if none */
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp->prec = sp->prec * 10 + *fmt - '0';
	}
	for (; *fmt && strchr("hlzjt", *fmt); fmt++) {
		if (*fmt == 'h')
			sp->size = sp->size == 'h' ? 'H' : 'h';
		else if (*fmt == 'l' && sp->size == 'l')
			sp->size = 'L';
		else if (*fmt == 'j')
			sp->size = 'L';
		else
			sp->size = 'l'; /* l, and z and t: long-sized on i386 */
	}
	sp->conv = *fmt;
	return *fmt ? fmt + 1 : fmt;
}

/* The whole call holds f's lock: one printf's output is never cut by
 * another thread's. */
static int vfprintf_locked(FILE *restrict f, const char *restrict fmt,
			   va_list ap)
{
	struct out o = { f, 0 };
	int had_error = f->flags & F_ERR;
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	f->flags &= ~F_ERR;
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		int n = pct ? pct - fmt : (int)strlen(fmt);
		put(&o, fmt, n);
		if (!pct)
			break;
		const char *start = pct;
		fmt = parse(pct + 1, &sp, &args);
		if (sp.conv && strchr("diuxXop", sp.conv)) {
			int neg;
			unsigned long long v;
			if (sp.conv == 'p') {
				v = (uintptr_t)va_arg(args, void *), neg = 0;
				/* 0x and 8 digits: addresses line up */
				sp.prec = 8;
			} else {
				v = arg(&args, &sp, &neg);
			}
			integer(&o, &sp, v, neg);
		} else if (sp.conv == 'c') {
			char c = (char)va_arg(args, int);
			sp.flags &= ~FL_ZERO;
			emit(&o, &sp, "", 0, &c, 1);
		} else if (sp.conv == 's') {
			const char *s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			int len = sp.prec >= 0 ? (int)strnlen(s, sp.prec)
					       : (int)strlen(s);
			sp.flags &= ~FL_ZERO;
			emit(&o, &sp, "", 0, s, len);
		} else if (sp.conv == '%') {
			put(&o, "%", 1);
		} else {
			/* unknown: print it as it is */
			put(&o, start, fmt - start);
		}
	}
	va_end(args);
	int err = f->flags & F_ERR;
	f->flags |= had_error;
	return err ? -1 : o.count;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	int taken = FLOCK(f);
	int r = vfprintf_locked(f, fmt, ap);
	FUNLOCK(f, taken);
	return r;
}
