/* kernel/panic.c: the last words of a broken kernel. */
#include "kernel/panic.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/machine.h"
#include "kernel/console.h"

void panic_with_frame(const struct trapframe *tf, const char *fmt, ...)
{
	cpu_cli();
	kprintf("\npanic: ");
	va_list ap;
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	machine_exit(EXIT_PANIC);
}
