/* kernel/lib/format.c: the one printf engine, used by kprintf, ksnprintf and
 * panic(). No kernel dependencies, so the host unit tests build it too. */
#include "kernel/lib/format.h"

#include <stdbool.h>
#include <stdint.h>

struct spec {
	bool left;         /* '-': pad on the right */
	bool zero;         /* '0': pad numbers with zeros */
	int width;         /* minimum field width */
	int precision;     /* -1 if none; for %s, the maximum length */
};

static int emit_padded(format_sink_t sink, void *ctx, const struct spec *sp,
		       const char *s, int len, const char *prefix)
{
	int plen = 0;
	while (prefix && prefix[plen])
		plen++;
	int pad = sp->width > len + plen ? sp->width - len - plen : 0;
	int n = 0;
	char padc = sp->zero && !sp->left ? '0' : ' ';

	/* Zero padding goes between the sign and the digits. */
	if (padc == ' ' && !sp->left)
		for (; pad > 0; pad--, n++)
			sink(ctx, ' ');
	for (int i = 0; i < plen; i++, n++)
		sink(ctx, prefix[i]);
	if (padc == '0')
		for (; pad > 0; pad--, n++)
			sink(ctx, '0');
	for (int i = 0; i < len; i++, n++)
		sink(ctx, s[i]);
	for (; pad > 0; pad--, n++)
		sink(ctx, ' ');
	return n;
}

static int emit_number(format_sink_t sink, void *ctx, const struct spec *sp,
		       unsigned long long v, bool negative, unsigned base,
		       bool upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	int len = 0;

	do {
		buf[sizeof(buf) - 1 - len++] = digits[v % base];
		v /= base;
	} while (v);
	return emit_padded(sink, ctx, sp, &buf[sizeof(buf) - len], len,
			   negative ? "-" : prefix);
}

static int parse_int(const char **p)
{
	int v = 0;
	while (**p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0');
	return v;
}

int format(format_sink_t sink, void *ctx, const char *fmt, va_list ap)
{
	int n = 0;

	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			sink(ctx, *p);
			n++;
			continue;
		}
		const char *start = p++;
		struct spec sp = { .precision = -1 };
		for (;; p++) {
			if (*p == '-')
				sp.left = true;
			else if (*p == '0')
				sp.zero = true;
			else
				break;
		}
		if (*p == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = true;
				sp.width = -sp.width;
			}
			p++;
		} else {
			sp.width = parse_int(&p);
		}
		if (*p == '.' && p[1] == '*') {
			sp.precision = va_arg(ap, int);  /* < 0: as if none */
			if (sp.precision < 0)
				sp.precision = -1;
			p += 2;
		} else if (*p == '.') {
			p++;
			sp.precision = parse_int(&p);
		}
		int longs = 0;
		for (; *p == 'l'; p++)
			longs++;
		if (*p == 'z') {
			p++;
			longs = sizeof(size_t) > sizeof(int) ? 1 : 0;
		}

		unsigned long long u;
		long long s;
		switch (*p) {
		case 'd':
		case 'i':
			s = longs >= 2 ? va_arg(ap, long long)
			    : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
			u = s < 0 ? 0ull - (unsigned long long)s : (unsigned long long)s;
			n += emit_number(sink, ctx, &sp, u, s < 0, 10, false, NULL);
			break;
		case 'u':
		case 'x':
		case 'X':
			u = longs >= 2 ? va_arg(ap, unsigned long long)
			    : longs == 1 ? va_arg(ap, unsigned long)
					 : va_arg(ap, unsigned int);
			n += emit_number(sink, ctx, &sp, u, false,
					 *p == 'u' ? 10 : 16, *p == 'X', NULL);
			break;
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			sp.zero = true;
			if (sp.width == 0)
				sp.width = 2 + 2 * (int)sizeof(void *);
			n += emit_number(sink, ctx, &sp, u, false, 16, false, "0x");
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			int len = 0;
			/* Test the limit first: with a precision, the string
			 * need not be NUL-terminated. */
			while ((sp.precision < 0 || len < sp.precision) && str[len])
				len++;
			sp.zero = false;
			n += emit_padded(sink, ctx, &sp, str, len, NULL);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			sp.zero = false;
			n += emit_padded(sink, ctx, &sp, &c, 1, NULL);
			break;
		}
		case '%':
			sink(ctx, '%');
			n++;
			break;
		default:
			/* Unknown conversion: show it as written. */
			for (const char *q = start; q <= p && *q; q++, n++)
				sink(ctx, *q);
			if (!*p)
				return n;
			break;
		}
	}
	return n;
}

struct buf_sink {
	char *buf;
	size_t size;
	size_t len;
};

static void buf_put(void *ctx, char c)
{
	struct buf_sink *b = ctx;
	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = { buf, size, 0 };
	int n = format(buf_put, &b, fmt, ap);
	if (size > 0)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return n;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
