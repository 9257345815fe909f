/* kernel/arch/x86/pit.h: the 8253/8254 programmable interval timer, the
 * kernel's clock tick. */
#ifndef ARCH_X86_PIT_H
#define ARCH_X86_PIT_H

#include <stdint.h>

#define TICK_HZ 1000  /* a 1 ms tick: sleeps end within 1 ms of their
			 deadline (clock_t stays USER_HZ, 100) */

/* Program channel 0 at TICK_HZ and count ticks on IRQ 0. */
void pit_init(void);

/* Ticks since pit_init(). */
uint32_t pit_ticks(void);

#endif
