/* kernel/arch/x86/pit.c: the timer tick. */
#include "kernel/arch/x86/pit.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/time.h"

#define PIT_HZ 1193182u

static volatile uint32_t ticks;

static void tick(struct trapframe *tf)
{
	ticks++;
	time_tick(trap_from_user(tf));
}

void pit_init(void)
{
	uint16_t divisor = PIT_HZ / TICK_HZ;
	outb(0x43, 0x36);  /* channel 0, lo/hi byte, square wave */
	outb(0x40, divisor & 0xff);
	outb(0x40, divisor >> 8);
	irq_register(0, tick);
}

uint32_t pit_ticks(void)
{
	return ticks;
}
