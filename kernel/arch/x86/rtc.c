/* kernel/arch/x86/rtc.c: reading the MC146818 CMOS clock. Its registers
 * are read through ports 0x70 (index) and 0x71 (data); the values may be
 * BCD and the hour 12-hour, as status register B says. A read may tear
 * while the RTC updates, so we read until two reads agree. */
#include "kernel/arch/x86/rtc.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/calendar.h"

enum { RTC_SEC = 0x00, RTC_MIN = 0x02, RTC_HOUR = 0x04, RTC_DAY = 0x07,
       RTC_MON = 0x08, RTC_YEAR = 0x09, RTC_A = 0x0a, RTC_B = 0x0b,
       RTC_CENTURY = 0x32 };

#define RTC_A_UIP    0x80  /* update in progress */
#define RTC_B_24H    0x02
#define RTC_B_BINARY 0x04

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg | 0x80);  /* bit 7: keep NMIs masked while we read */
	return inb(0x71);
}

static void read_raw(uint8_t r[7])
{
	static const uint8_t regs[7] = { RTC_SEC, RTC_MIN, RTC_HOUR, RTC_DAY,
					 RTC_MON, RTC_YEAR, RTC_CENTURY };
	for (unsigned spins = 0; (cmos(RTC_A) & RTC_A_UIP) && spins < 1000000;
	     spins++)
		;
	for (int i = 0; i < 7; i++)
		r[i] = cmos(regs[i]);
}

static unsigned bcd(uint8_t v, bool binary)
{
	return binary ? v : (v >> 4) * 10u + (v & 0x0f);
}

int64_t rtc_read_epoch(void)
{
	uint8_t a[7], b[7];
	read_raw(a);
	for (int tries = 0; tries < 10; tries++) {
		read_raw(b);
		bool same = true;
		for (int i = 0; i < 7; i++)
			same &= a[i] == b[i];
		if (same)
			break;
		for (int i = 0; i < 7; i++)
			a[i] = b[i];
	}
	uint8_t status = cmos(RTC_B);
	bool binary = status & RTC_B_BINARY;
	bool pm = !(status & RTC_B_24H) && (a[2] & 0x80);
	unsigned hour = bcd(a[2] & 0x7f, binary);
	if (!(status & RTC_B_24H))
		hour = hour % 12 + (pm ? 12 : 0);
	unsigned century = bcd(a[6], binary);
	if (century < 19 || century > 30)
		century = 20;  /* no century register: assume 20xx */
	struct calendar_date d = {
		.year = (int)(century * 100 + bcd(a[5], binary)),
		.month = (int)bcd(a[4], binary), .day = (int)bcd(a[3], binary),
		.hour = (int)hour, .min = (int)bcd(a[1], binary),
		.sec = (int)bcd(a[0], binary),
	};
	return calendar_to_epoch(&d);
}
