/* user/sleep.c: sleep NUMBER[SUFFIX]...: pause for the sum of the
 * intervals, as GNU sleep: a NUMBER may have a fraction (0.5), a SUFFIX
 * is s (seconds, the default), m (minutes), h (hours) or d (days). Sleeps
 * with nanosleep, going on after an interruption by a signal that was
 * handled. Exit status 0; 1 for a missing or bad operand. */
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* Add the interval s to *total (in nanoseconds); 0, or -1 if s is bad. */
static int parse(const char *s, unsigned long long *total)
{
	unsigned long long whole = 0, frac = 0, scale = 1000000000ULL;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > 100000000ULL)  /* over three years: say so */
			return -1;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			if (scale >= 10) {
				scale /= 10;
				frac += (*p - '0') * scale;
			}
	unsigned mult = 1;
	switch (*p) {
	case 0: case 's': break;
	case 'm': mult = 60; break;
	case 'h': mult = 3600; break;
	case 'd': mult = 86400; break;
	default: return -1;
	}
	if (p == s || (*p && p[1]) || (p > s && p[-1] == '.' && p - 1 == s))
		return -1;
	*total += (whole * 1000000000ULL + frac) * mult;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long ns = 0;
	if (argc < 2) {
		fprintf(stderr, "sleep: missing operand\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (parse(argv[i], &ns) < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
			return 1;
		}
	}
	struct timespec req = { (time_t)(ns / 1000000000ULL), (long)(ns % 1000000000ULL) };
	struct timespec rem;
	while (nanosleep(&req, &rem) < 0 && errno == EINTR)
		req = rem;
	return 0;
}
