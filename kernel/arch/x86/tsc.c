/* kernel/arch/x86/tsc.c: calibrating the time-stamp counter. PIT channel
 * 2 (the one behind the PC speaker, gated by port 0x61) counts down a
 * known number of its 1.193182 MHz periods while we read the TSC before
 * and after: cycles / seconds is the TSC's rate. */
#include "kernel/arch/x86/tsc.h"

#include "kernel/arch/x86/cpu.h"

#define PIT_HZ 1193182u
#define CAL_MS 10u
#define CAL_COUNT (PIT_HZ * CAL_MS / 1000u)   /* 11931 periods */
#define CPUID_TSC (1u << 4)                   /* leaf 1, edx */

uint64_t tsc_calibrate(void)
{
	uint32_t a, b, c, d;
	cpuid(0, &a, &b, &c, &d);
	if (a < 1)
		return 0;
	cpuid(1, &a, &b, &c, &d);
	if (!(d & CPUID_TSC))
		return 0;

	/* Gate channel 2 on, speaker off; mode 0 (interrupt on terminal
	 * count: OUT goes high when the count reaches zero, seen at bit 5
	 * of port 0x61). */
	uint8_t saved = inb(0x61);
	outb(0x61, (saved & ~0x02) | 0x01);
	outb(0x43, 0xb0);  /* channel 2, lobyte/hibyte, mode 0, binary */
	outb(0x42, CAL_COUNT & 0xff);
	outb(0x42, CAL_COUNT >> 8);
	uint64_t t0 = rdtsc();
	uint32_t spins = 0;
	while (!(inb(0x61) & 0x20) && ++spins < 50000000u)
		;
	uint64_t t1 = rdtsc();
	outb(0x61, saved);
	if (!(inb(0x61) & 0x20) && spins >= 50000000u)
		return 0;  /* the PIT never finished: no calibration */
	uint64_t hz = (t1 - t0) * (1000u / CAL_MS);
	/* Below 1 MHz or above 100 GHz is no TSC we can trust. */
	if (hz < 1000000ull || hz > 100000000000ull)
		return 0;
	return hz;
}
