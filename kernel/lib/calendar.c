/* kernel/lib/calendar.c: civil date to Unix time. Days are counted from a
 * year that starts in March, so the leap day is the last day of a year
 * and the months' lengths repeat in a 5-month pattern (153 days). */
#include "kernel/lib/calendar.h"

#include <stdbool.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d, for y >= 1970. */
static int64_t days_from_epoch(int y, int m, int d)
{
	if (m <= 2)
		y--;  /* January and February belong to the previous March year */
	int64_t era_days = (int64_t)y * 365 + y / 4 - y / 100 + y / 400;
	int mp = (m + 9) % 12;                     /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;  /* day of the March year */
	/* 719468: the same count for 1970-01-01, so that day is 0. */
	return era_days + doy - 719468;
}

int64_t calendar_to_epoch(const struct calendar_date *d)
{
	if (d->year < 1970 || d->year > 9999 || d->month < 1 || d->month > 12 ||
	    d->day < 1 || d->day > month_days(d->year, d->month) ||
	    d->hour < 0 || d->hour > 23 || d->min < 0 || d->min > 59 ||
	    d->sec < 0 || d->sec > 60)
		return -1;
	return days_from_epoch(d->year, d->month, d->day) * 86400 +
	       d->hour * 3600 + d->min * 60 + d->sec;
}
