/* tests/host/format_test.c: host tests of kernel/lib/format.c, the printf
 * engine behind kprintf, ksnprintf and panic. Where the C standard defines
 * the output, glibc's vsnprintf is the second opinion. */
#include "tests/host/hosttest.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/lib/format.h"

/* Format with kvsnprintf; expect the text want and a return of its length.
 * Not declared printf-like: the tests pass conversions gcc would reject. */
static void expect_fmt(struct hosttest *t, const char *file, int line,
		       const char *want, const char *fmt, ...)
{
	char got[512], expr[256];
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	snprintf(expr, sizeof(expr), "format \"%s\"", fmt);
	if (strcmp(got, want) != 0)
		hosttest_fail_str(t, file, line, expr, got, want);
	else if (n != (int)strlen(want))
		hosttest_fail(t, file, line, "return value == strlen(want)", n,
			      (long long)strlen(want), true);
}

/* The output and return value must be those of the host's vsnprintf. */
static void expect_like_libc(struct hosttest *t, const char *file, int line,
			     const char *fmt, ...)
{
	char got[512], want[512], expr[256];
	va_list ap, ap2;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = kvsnprintf(got, sizeof(got), fmt, ap);
	int m = vsnprintf(want, sizeof(want), fmt, ap2);
	va_end(ap2);
	va_end(ap);
	snprintf(expr, sizeof(expr), "format \"%s\" as libc", fmt);
	if (strcmp(got, want) != 0)
		hosttest_fail_str(t, file, line, expr, got, want);
	else if (n != m)
		hosttest_fail(t, file, line, expr, n, m, true);
}

#define EXPECT_FMT(want, ...)                                                  \
	expect_fmt(t, __FILE__, __LINE__, want, __VA_ARGS__)
#define EXPECT_LIKE_LIBC(...)                                                  \
	expect_like_libc(t, __FILE__, __LINE__, __VA_ARGS__)

HOSTTEST(format, plain_text_is_copied)
{
	EXPECT_FMT("", "");
	EXPECT_FMT("hello, world\n", "hello, world\n");
}

HOSTTEST(format, d_and_i_print_signed_decimal)
{
	EXPECT_FMT("42", "%d", 42);
	EXPECT_FMT("-42", "%d", -42);
	EXPECT_FMT("7 -7", "%i %i", 7, -7);
	EXPECT_FMT("2147483647", "%d", INT_MAX);
}

HOSTTEST(format, zero_prints_one_digit)
{
	EXPECT_FMT("0 0 0 0 0", "%d %i %u %x %X", 0, 0, 0u, 0u, 0u);
	EXPECT_FMT("0 0", "%lld %llx", 0ll, 0ull);
}

HOSTTEST(format, int_min_prints_all_digits)
{
	EXPECT_FMT("-2147483648", "%d", INT_MIN);
	EXPECT_FMT("-2147483648", "%i", INT_MIN);
	EXPECT_FMT("[-2147483648 ]", "[%-12d]", INT_MIN);
	EXPECT_FMT("-002147483648", "%013d", INT_MIN);
}

HOSTTEST(format, llong_min_prints_all_digits)
{
	EXPECT_FMT("-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT("9223372036854775807", "%lld", LLONG_MAX);
}

HOSTTEST(format, u_prints_unsigned_decimal)
{
	EXPECT_FMT("4294967295", "%u", UINT_MAX);
	EXPECT_FMT("4294967295", "%u", -1);
	EXPECT_FMT("18446744073709551615", "%llu", ULLONG_MAX);
}

HOSTTEST(format, x_is_lower_and_X_upper_hex)
{
	EXPECT_FMT("deadbeef", "%x", 0xdeadbeefu);
	EXPECT_FMT("DEADBEEF", "%X", 0xdeadbeefu);
	EXPECT_FMT("ffffffff", "%x", -1);
	EXPECT_FMT("ffffffffffffffff", "%llx", ULLONG_MAX);
	EXPECT_FMT("00c0ffee", "%08x", 0xc0ffee);
}

HOSTTEST(format, p_prints_0x_and_every_digit)
{
	char want[64];
	int digits = 2 * (int)sizeof(void *);

	snprintf(want, sizeof(want), "0x%0*x", digits, 0x1234);
	EXPECT_FMT(want, "%p", (void *)0x1234);
	snprintf(want, sizeof(want), "0x%0*x", digits, 0);
	EXPECT_FMT(want, "%p", NULL);
	snprintf(want, sizeof(want), "0x%0*llx", digits,
		 (unsigned long long)UINTPTR_MAX);
	EXPECT_FMT(want, "%p", (void *)UINTPTR_MAX);
	EXPECT_FMT("0xbeef", "%6p", (void *)0xbeef);
	EXPECT_FMT("0xbeef", "%1p", (void *)0xbeef);
}

HOSTTEST(format, s_prints_string_or_null)
{
	EXPECT_FMT("abc", "%s", "abc");
	EXPECT_FMT("[]", "[%s]", "");
	EXPECT_FMT("(null)", "%s", (char *)NULL);
	EXPECT_FMT("a-b-c", "%s-%s-%s", "a", "b", "c");
}

HOSTTEST(format, c_prints_one_char)
{
	EXPECT_FMT("x", "%c", 'x');
	EXPECT_FMT("[  x]", "[%3c]", 'x');
	EXPECT_FMT("[x  ]", "[%-3c]", 'x');
	EXPECT_FMT("[  x]", "[%03c]", 'x');
}

HOSTTEST(format, percent_percent_prints_one_percent)
{
	EXPECT_FMT("%", "%%");
	EXPECT_FMT("100% sure", "%d%% sure", 100);
	EXPECT_FMT("%d", "%%d");
}

HOSTTEST(format, width_pads_on_the_left)
{
	EXPECT_FMT("   42", "%5d", 42);
	EXPECT_FMT("  -42", "%5d", -42);
	EXPECT_FMT("   ab", "%5s", "ab");
	EXPECT_FMT("  ff", "%4x", 255);
	EXPECT_FMT("12345", "%2d", 12345);
	EXPECT_FMT("abcdef", "%3s", "abcdef");
}

HOSTTEST(format, minus_flag_pads_on_the_right)
{
	EXPECT_FMT("42   |", "%-5d|", 42);
	EXPECT_FMT("-42  |", "%-5d|", -42);
	EXPECT_FMT("ab   |", "%-5s|", "ab");
}

HOSTTEST(format, zero_flag_pads_numbers_after_the_sign)
{
	EXPECT_FMT("00042", "%05d", 42);
	EXPECT_FMT("-0042", "%05d", -42);
	EXPECT_FMT("000000ff", "%08x", 255);
	EXPECT_FMT("00007", "%05u", 7u);
}

HOSTTEST(format, minus_flag_beats_zero_flag)
{
	EXPECT_FMT("42   |", "%-05d|", 42);
	EXPECT_FMT("42   |", "%0-5d|", 42);
}

HOSTTEST(format, zero_flag_pads_strings_with_spaces)
{
	EXPECT_FMT("   ab", "%05s", "ab");
}

HOSTTEST(format, star_takes_width_from_arguments)
{
	EXPECT_FMT("   42", "%*d", 5, 42);
	EXPECT_FMT("42   |", "%*d|", -5, 42);
	EXPECT_FMT("ab  |", "%-*s|", 4, "ab");
	EXPECT_FMT("0042", "%0*d", 4, 42);
	EXPECT_FMT("  7 x", "%*d %s", 3, 7, "x");
}

HOSTTEST(format, precision_limits_string_length)
{
	EXPECT_FMT("ab", "%.2s", "abcdef");
	EXPECT_FMT("", "%.0s", "abcdef");
	EXPECT_FMT("", "%.s", "abcdef");
	EXPECT_FMT("abc", "%.10s", "abc");
	EXPECT_FMT("   ab", "%5.2s", "abcdef");
	EXPECT_FMT("ab   |", "%-5.2s|", "abcdef");
	EXPECT_FMT("(n", "%.2s", (char *)NULL);
}

/* With a precision, %s reads at most that many bytes: the array need not
 * be NUL-terminated. The heap block has no byte to spare for ASan. */
HOSTTEST(format, precision_reads_no_byte_past_the_limit)
{
	char *name = malloc(4);
	ASSERT_NOT_NULL(name);
	memcpy(name, "init", 4);
	EXPECT_FMT("init", "%.4s", name);
	EXPECT_FMT("[init]", "[%.*s]", 4, name);
	free(name);
}

HOSTTEST(format, star_takes_precision_from_arguments)
{
	EXPECT_FMT("ab", "%.*s", 2, "abcdef");
	EXPECT_FMT("   ab", "%5.*s", 2, "abcdef");
	EXPECT_FMT("abcdef", "%.*s", -1, "abcdef");
	EXPECT_FMT("ab 7", "%.*s %d", 2, "abcdef", 7);
}

HOSTTEST(format, l_length_reads_a_long)
{
	EXPECT_FMT("-1", "%ld", -1L);
	EXPECT_LIKE_LIBC("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	EXPECT_LIKE_LIBC("%ld %li", LONG_MAX, 12345L);
}

HOSTTEST(format, ll_length_reads_a_long_long)
{
	EXPECT_FMT("-1 18446744073709551615", "%lld %llu", -1ll, ULLONG_MAX);
	EXPECT_FMT("123456789abcdef0", "%llx", 0x123456789abcdef0ull);
	EXPECT_FMT("123456789ABCDEF0", "%llX", 0x123456789abcdef0ull);
	EXPECT_FMT("-0000000000000000001", "%020lld", -1ll);
}

HOSTTEST(format, z_length_reads_a_size_t)
{
	EXPECT_FMT("0 1000 4096", "%zu %zx %zu", (size_t)0, (size_t)0x1000,
		   (size_t)4096);
	EXPECT_LIKE_LIBC("%zu %zx", SIZE_MAX, SIZE_MAX);
	EXPECT_LIKE_LIBC("%zd", (ssize_t)-5);
}

/* Mixed sizes: each conversion must take exactly its own argument. */
HOSTTEST(format, arguments_stay_in_step)
{
	EXPECT_FMT("1 2 3 x 5 six", "%lld %d %zu %c %ld %s", 1ll, 2, (size_t)3,
		   'x', 5L, "six");
}

HOSTTEST(format, integers_match_libc)
{
	static const char *const fmts[] = {
		"%d", "%5d", "%-5d|", "%05d", "%1d", "%12d", "%-12d|", "%012d",
		"%i", "%u",  "%10u",  "%x",   "%X",  "%08x", "%-8X|",
	};
	static const int values[] = {
		0, 1, -1, 9, 10, -10, 255, 4096, 123456, INT_MAX, INT_MIN,
	};
	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++)
			EXPECT_LIKE_LIBC(fmts[f], values[v]);
}

HOSTTEST(format, unknown_conversion_is_copied_through)
{
	EXPECT_FMT("%q", "%q");
	EXPECT_FMT("a%yb", "a%yb");
	EXPECT_FMT("%5q", "%5q");
	EXPECT_FMT("%-08w", "%-08w");
	/* It takes no argument: the next conversion gets the first one. */
	EXPECT_FMT("%q 7", "%q %d", 7);
}

HOSTTEST(format, percent_at_end_is_copied_through)
{
	EXPECT_FMT("%", "%");
	EXPECT_FMT("abc%", "abc%");
	EXPECT_FMT("abc%5", "abc%5");
	EXPECT_FMT("%l", "%l");
	EXPECT_FMT("%ll", "%ll");
	EXPECT_FMT("%-", "%-");
}

HOSTTEST(format, snprintf_truncates_and_terminates)
{
	char buf[8];

	memset(buf, '#', sizeof(buf));
	EXPECT_EQ(ksnprintf(buf, 4, "abcdef"), 6);
	EXPECT_STREQ(buf, "abc");
	EXPECT_EQ(buf[4], '#');
	EXPECT_EQ(buf[7], '#');

	memset(buf, '#', sizeof(buf));
	EXPECT_EQ(ksnprintf(buf, 4, "%d", -12345), 6);
	EXPECT_STREQ(buf, "-12");
	EXPECT_EQ(buf[4], '#');
}

HOSTTEST(format, snprintf_returns_the_untruncated_length)
{
	char buf[4];

	EXPECT_EQ(ksnprintf(buf, sizeof(buf), "%10d", 1), 10);
	EXPECT_STREQ(buf, "   ");
	EXPECT_EQ(ksnprintf(buf, sizeof(buf), "%s%s", "hello", "world"), 10);
	EXPECT_STREQ(buf, "hel");
}

HOSTTEST(format, snprintf_size_zero_writes_nothing)
{
	char buf[4] = "###";

	EXPECT_EQ(ksnprintf(NULL, 0, "%d", 12345), 5);
	EXPECT_EQ(ksnprintf(buf, 0, "%s", "abc"), 3);
	EXPECT_STREQ(buf, "###");
}

HOSTTEST(format, snprintf_size_one_gives_empty_string)
{
	char buf[4] = "###";

	EXPECT_EQ(ksnprintf(buf, 1, "abc"), 3);
	EXPECT_EQ(buf[0], '\0');
	EXPECT_EQ(buf[1], '#');
}

/* Heap buffers of the exact size: ASan reports any byte written past. */
HOSTTEST(format, snprintf_stays_inside_small_buffers)
{
	static const char want[] = "pid 42: -2147483648 0xbeef";

	for (size_t size = 1; size <= sizeof(want) + 2; size++) {
		char *buf = malloc(size);
		ASSERT_NOT_NULL(buf);
		int n = ksnprintf(buf, size, "pid %d: %d 0x%x", 42, INT_MIN,
				  0xbeef);
		EXPECT_EQ(n, (int)strlen(want));
		EXPECT_EQ(strlen(buf),
			  size - 1 < strlen(want) ? size - 1 : strlen(want));
		EXPECT_EQ(strncmp(buf, want, size - 1), 0);
		free(buf);
	}
}

struct collect {
	char out[64];
	int len;
};

static void collect_put(void *ctx, char c)
{
	struct collect *k = ctx;
	if (k->len < (int)sizeof(k->out))
		k->out[k->len] = c;
	k->len++;
}

static int collect_fmt(struct collect *k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = format(collect_put, k, fmt, ap);
	va_end(ap);
	return n;
}

/* format() hands every character to the sink, even a NUL from %c, and
 * counts exactly what it handed over. */
HOSTTEST(format, sink_gets_every_char_including_nul)
{
	struct collect k = { .len = 0 };

	EXPECT_EQ(collect_fmt(&k, "a%cb%3d", '\0', 5), 6);
	EXPECT_EQ(k.len, 6);
	EXPECT_EQ(memcmp(k.out, "a\0b  5", 6), 0);
}
