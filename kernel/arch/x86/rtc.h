/* kernel/arch/x86/rtc.h: the CMOS real-time clock, read once at boot to
 * set CLOCK_REALTIME. */
#ifndef ARCH_X86_RTC_H
#define ARCH_X86_RTC_H

#include <stdint.h>

/* The RTC's date and time as seconds since the Unix epoch (the RTC keeps
 * UTC, as QEMU's does by default), or -1 if it reads as nonsense. */
int64_t rtc_read_epoch(void);

#endif
