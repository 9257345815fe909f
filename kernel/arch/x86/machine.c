/* kernel/arch/x86/machine.c: power-off paths. */
#include "kernel/arch/x86/machine.h"

#include "kernel/arch/x86/cpu.h"

void machine_exit(unsigned code)
{
	cpu_cli();
	outl(0xf4, code);
	for (;;)  /* no isa-debug-exit device: stop here */
		cpu_hlt();
}
