/* libc/src/time/gmtime.c: gmtime and gmtime_r, seconds since the epoch to
 * a calendar date in UTC (pagoda keeps no time zone: its clock is UTC, so
 * there is no localtime). Whole days are peeled off a year at a time from
 * 1970, then a month at a time: at most 69 years either way for a 32-bit
 * time_t, so no cleverer arithmetic is needed. */
#include <time.h>

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30,
						31, 31, 30, 31, 30, 31 };
	return m == 1 && leap(y) ? 29 : days[m];
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long long days = *t / 86400;
	int secs = (int)(*t % 86400);
	if (secs < 0) {  /* before 1970: C division rounds toward zero */
		secs += 86400;
		days--;
	}
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_wday = (int)((days % 7 + 11) % 7);  /* 1970-01-01: a Thursday */
	int y = 1970;
	while (days < 0) {
		y--;
		days += 365 + leap(y);
	}
	while (days >= 365 + leap(y)) {
		days -= 365 + leap(y);
		y++;
	}
	tm->tm_year = y - 1900;
	tm->tm_yday = (int)days;
	int m = 0;
	while (days >= month_days(y, m))
		days -= month_days(y, m++);
	tm->tm_mon = m;
	tm->tm_mday = (int)days + 1;
	tm->tm_isdst = 0;
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;
	return gmtime_r(t, &tm);
}
