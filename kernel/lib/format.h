/* kernel/lib/format.h: printf-style formatting into any sink. Pure code,
 * also built for the host unit tests. */
#ifndef KERNEL_LIB_FORMAT_H
#define KERNEL_LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives formatted characters one at a time. */
typedef void (*format_sink_t)(void *ctx, char c);

/* Format fmt with ap into sink. Supports %d %i %u %x %X %p %s %c %%, the
 * flags '-' and '0', a field width (or '*'), a precision for %s (or '.*'),
 * and the length modifiers l, ll, z. Returns the number of characters
 * produced. An unknown conversion is copied through literally. */
int format(format_sink_t sink, void *ctx, const char *fmt, va_list ap);

/* vsnprintf/snprintf: always NUL-terminate when size > 0; return the length
 * the whole output would have had. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
