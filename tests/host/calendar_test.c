/* tests/host/calendar_test.c: host tests of kernel/lib/calendar.c, with the
 * host C library's timegm() as the second opinion. */
#define _DEFAULT_SOURCE
#include "tests/host/hosttest.h"

#include <time.h>

#include "kernel/lib/calendar.h"

static int64_t host_epoch(const struct calendar_date *d)
{
	struct tm tm = { .tm_year = d->year - 1900, .tm_mon = d->month - 1,
			 .tm_mday = d->day, .tm_hour = d->hour,
			 .tm_min = d->min, .tm_sec = d->sec };
	return (int64_t)timegm(&tm);
}

HOSTTEST(calendar, known_dates)
{
	struct calendar_date epoch = { 1970, 1, 1, 0, 0, 0 };
	EXPECT_EQ(calendar_to_epoch(&epoch), 0);
	struct calendar_date y2k = { 2000, 1, 1, 0, 0, 0 };
	EXPECT_EQ(calendar_to_epoch(&y2k), 946684800);
	struct calendar_date leapday = { 2024, 2, 29, 12, 34, 56 };
	EXPECT_EQ(calendar_to_epoch(&leapday), 1709210096);
	struct calendar_date y2038 = { 2038, 1, 19, 3, 14, 8 };
	EXPECT_EQ(calendar_to_epoch(&y2038), 2147483648ll);
}

HOSTTEST(calendar, every_day_from_1970_to_2100_agrees_with_timegm)
{
	for (int y = 1970; y <= 2100; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++) {
				struct calendar_date c = { y, m, d, 23, 59, 59 };
				int64_t got = calendar_to_epoch(&c);
				struct tm tm = { .tm_year = y - 1900,
						 .tm_mon = m - 1, .tm_mday = d };
				time_t when = timegm(&tm);
				struct tm back;
				gmtime_r(&when, &back);
				if (back.tm_mday != d) {  /* no such day */
					EXPECT_EQ(got, -1);
					continue;
				}
				EXPECT_EQ(got, host_epoch(&c));
			}
}

HOSTTEST(calendar, out_of_range_fields_are_refused)
{
	struct calendar_date bad[] = {
		{ 1969, 12, 31, 0, 0, 0 }, { 2023, 2, 29, 0, 0, 0 },
		{ 2100, 2, 29, 0, 0, 0 },  { 2024, 13, 1, 0, 0, 0 },
		{ 2024, 0, 1, 0, 0, 0 },   { 2024, 4, 31, 0, 0, 0 },
		{ 2024, 1, 1, 24, 0, 0 },  { 2024, 1, 1, 0, 60, 0 },
		{ 2024, 1, 0, 0, 0, 0 },   { 2024, 1, 1, 0, 0, 61 },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT_EQ(calendar_to_epoch(&bad[i]), -1);
	struct calendar_date y2000 = { 2000, 2, 29, 0, 0, 0 };
	EXPECT_NE(calendar_to_epoch(&y2000), -1);
}
