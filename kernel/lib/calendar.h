/* kernel/lib/calendar.h: converting a civil date (proleptic Gregorian,
 * UTC) to seconds since the Unix epoch. Pure: also built into the host
 * tests. */
#ifndef KERNEL_LIB_CALENDAR_H
#define KERNEL_LIB_CALENDAR_H

#include <stdint.h>

struct calendar_date {
	int year;    /* e.g. 2026 */
	int month;   /* 1..12 */
	int day;     /* 1..31 */
	int hour, min, sec;  /* 0..23, 0..59, 0..60 (a leap second) */
};

/* Seconds since 1970-01-01 00:00:00 UTC, or -1 if a field is out of
 * range (a month of 13, February 30th, a year before 1970). */
int64_t calendar_to_epoch(const struct calendar_date *d);

#endif
