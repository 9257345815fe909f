/* user/libctest.c: checks pagoda's libc against what C and POSIX say:
 * printf formats, number parsing, strings, the allocator, errno from a
 * failed system call. KTAP output; exit 0 if every case passed. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static bool same(const char *got, const char *want)
{
	if (strcmp(got, want))
		note("got \"%s\", want \"%s\"", got, want);
	return strcmp(got, want) == 0;
}

static bool printf_integers(void)
{
	char b[128];

	snprintf(b, sizeof(b), "%d %i %u %x %X %o|%5d|%-5d|%05d|%+d|% d", -42,
		 7, 3000000000u, 0xbeef, 0xbeef, 8, 42, 42, -42, 5, 5);
	bool ok = same(b,
		       "-42 7 3000000000 beef BEEF 10|   42|42   |-0042|+5| 5");
	snprintf(b, sizeof(b), "%lld %llu %llx %ld %lu %hhd %hd %zu",
		 -(1ll << 40), ~0ull, 0x123456789abcull, LONG_MIN, ULONG_MAX,
		 300, 70000, (size_t)12);
	ok &= same(b, "-1099511627776 18446744073709551615 123456789abc "
		      "-2147483648 4294967295 44 4464 12");
	snprintf(b, sizeof(b), "%.3d|%.0d|%#x|%#o|%#x|%*d|%-*d|%.*d", 7, 0, 255,
		 8, 0, 4, 1, 3, 2, 4, 9);
	return ok & same(b, "007||0xff|010|0|   1|2  |0009");
}

static bool printf_strings(void)
{
	char b[64];
	/* volatile: gcc warns when %s is given a visible NULL */
	const char *volatile null = NULL;

	snprintf(b, sizeof(b), "%s|%5s|%-5s|%.2s|%c|%3c|%%|%s", "ab", "ab",
		 "ab", "abc", 'x', 'y', null);
	bool ok = same(b, "ab|   ab|ab   |ab|x|  y|%|(null)");
	snprintf(b, sizeof(b), "%p %p", (void *)0x8048000, (void *)0);
	return ok & same(b, "0x08048000 0x00000000");
}

static bool snprintf_truncates(void)
{
	char b[8];
	int n = snprintf(b, sizeof(b), "%s", "hello, world");

	if (n != 12)
		note("returned %d, want 12", n);
	return n == 12 && same(b, "hello, ") &&
	       snprintf(NULL, 0, "%d", 123) == 3;
}

static bool strtol_edges(void)
{
	char *end;
	bool ok = strtol("  -123xyz", &end, 10) == -123 && *end == 'x';

	ok &= strtol("0x1f", NULL, 0) == 31 && strtol("017", NULL, 0) == 15;
	ok &= strtol("z", &end, 36) == 35 &&
	      strtoul("-1", NULL, 10) == ULONG_MAX;
	errno = 0;
	ok &= strtol("99999999999", NULL, 10) == LONG_MAX && errno == ERANGE;
	errno = 0;
	ok &= strtol("-2147483648", NULL, 10) == LONG_MIN && errno == 0;
	ok &= strtol("+-5", &end, 10) == 0 && *end == '+' && atoi("42") == 42;
	return ok;
}

static bool strings(void)
{
	char b[32] = "abc";
	char m[8] = "abcdefg";

	memmove(m + 1, m, 5);  /* overlapping: "aabcdeg" */
	return strlen("") == 0 && strcmp("abc", "abd") < 0 &&
	       strcmp("b", "a") > 0 && strncmp("abcx", "abcy", 3) == 0 &&
	       strcmp(strcat(b, "def"), "abcdef") == 0 &&
	       strchr("hello", 'l') - "hello" == 2 &&
	       strrchr("hello", 'l') - "hello" == 3 && !strchr("abc", 'z') &&
	       memcmp(m, "aabcdeg", 8) == 0 && memcmp("\xff", "\x01", 1) > 0;
}

static bool malloc_reuses_and_coalesces(void)
{
	void *a = malloc(100), *b = malloc(100), *c = malloc(100);

	free(a);
	free(b);  /* a and b merge: 200 bytes fit where they were */
	void *d = malloc(200);
	bool ok = d == a;
	if (!ok)
		note("a %p b %p c %p, then malloc(200) = %p", a, b, c, d);
	free(c);
	free(d);
	errno = 0;
	ok &= malloc(SIZE_MAX - 8) == NULL && errno == ENOMEM;
	return ok;
}

static bool syscall_error_sets_errno(void)
{
	errno = 0;
	ssize_t r = write(-1, "x", 1);

	if (r != -1 || errno != EBADF)
		note("write(-1) = %d, errno %d", (int)r, errno);
	return r == -1 && errno == EBADF;
}

static bool wait_macros(void)
{
	return WIFEXITED(42 << 8) && WEXITSTATUS(42 << 8) == 42 &&
	       !WIFSIGNALED(42 << 8) && WIFSIGNALED(11) && WTERMSIG(11) == 11 &&
	       !WIFEXITED(11) && WIFSTOPPED(0x137f) && WSTOPSIG(0x137f) == 19;
}

/* Every NAME=value in environ is found, pointing into an entry. */
static bool getenv_finds(void)
{
	char name[64];

	if (getenv("NOT_SET_ANYWHERE") || getenv(""))
		return false;
	for (char **e = environ; *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq || eq - *e >= (int)sizeof(name))
			continue;
		memcpy(name, *e, eq - *e);
		name[eq - *e] = 0;
		const char *v = getenv(name);
		if (!v || v[-1] != '=') {
			note("getenv(\"%s\") = %s", name, v ? v : "NULL");
			return false;
		}
	}
	return true;
}

/* gmtime_r at the edges: the epoch, just before it, a leap day, and both
 * ends of a 32-bit time_t (checked against Python's datetime). */
static bool gmtime_dates(void)
{
	static const struct {
		time_t t;
		int y, mon, d, h, min, s, wday, yday;
	} want[] = {
		{ 0, 1970, 0, 1, 0, 0, 0, 4, 0 },
		{ -1, 1969, 11, 31, 23, 59, 59, 3, 364 },
		{ 951868799, 2000, 1, 29, 23, 59, 59, 2, 59 },
		{ 1577934245, 2020, 0, 2, 3, 4, 5, 4, 1 },
		{ 0x7fffffff, 2038, 0, 19, 3, 14, 7, 2, 18 },
		{ (time_t)0x80000000u, 1901, 11, 13, 20, 45, 52, 5, 346 },
	};
	for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct tm tm;
		gmtime_r(&want[i].t, &tm);
		if (tm.tm_year + 1900 != want[i].y || tm.tm_mon != want[i].mon ||
		    tm.tm_mday != want[i].d || tm.tm_hour != want[i].h ||
		    tm.tm_min != want[i].min || tm.tm_sec != want[i].s ||
		    tm.tm_wday != want[i].wday || tm.tm_yday != want[i].yday) {
			note("gmtime(%ld) = %d-%d-%d %d:%d:%d wday %d yday %d",
			     (long)want[i].t, tm.tm_year + 1900, tm.tm_mon + 1,
			     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			     tm.tm_wday, tm.tm_yday);
			return false;
		}
	}
	return gmtime(&want[0].t)->tm_year == 70;
}

static const struct ktap_case cases[] = {
	{ "libc.printf_integers", printf_integers },
	{ "libc.printf_strings", printf_strings },
	{ "libc.snprintf_truncates", snprintf_truncates },
	{ "libc.strtol_edges", strtol_edges },
	{ "libc.strings", strings },
	{ "libc.malloc_reuses_and_coalesces", malloc_reuses_and_coalesces },
	{ "libc.syscall_error_sets_errno", syscall_error_sets_errno },
	{ "libc.wait_macros", wait_macros },
	{ "libc.getenv_finds", getenv_finds },
	{ "libc.gmtime_dates", gmtime_dates },
};

int main(void)
{
	return ktap_run(cases, KTAP_COUNT(cases));
}
