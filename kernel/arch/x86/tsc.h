/* kernel/arch/x86/tsc.h: the time-stamp counter, calibrated against the
 * PIT at boot so the clock can tell time between two ticks. */
#ifndef ARCH_X86_TSC_H
#define ARCH_X86_TSC_H

#include <stdint.h>

/* Measure the TSC's frequency against PIT channel 2 (a 10 ms one-shot
 * count). Returns it in Hz, or 0 if the CPU has no TSC or the measure is
 * not believable (then the clock keeps to whole ticks). Interrupts off;
 * call before pit_init() starts the tick. */
uint64_t tsc_calibrate(void);

#endif
