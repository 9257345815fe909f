/* kernel/panic.c: the last words of a broken kernel: the message, the
 * registers if a trap caused it, a symbolized backtrace, then out of QEMU
 * with EXIT_PANIC (never a reboot or a hang). */
#include "kernel/panic.h"

#include <stdbool.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/dump.h"
#include "kernel/arch/x86/machine.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"

/* Set on entry: a second panic while reporting the first (the message or
 * the dump faulted, or something they call asserted) must not try the
 * same report again. */
static bool panicking;

static void print_message(const char *prefix, const char *fmt, va_list ap)
{
	kprintf("\n%s", prefix);
	kvprintf(fmt, ap);
	kprintf("\n");
}

void panic_with_frame(const struct trapframe *tf, const char *fmt, ...)
{
	bool nested = panicking;
	va_list ap;

	cpu_cli();
	panicking = true;
	va_start(ap, fmt);
	print_message(nested ? "panic while panicking: " : "panic: ", fmt, ap);
	va_end(ap);
	if (nested) {
		if (tf)
			kprintf("(%s at eip %08x)\n", trap_name(tf->vector),
				tf->eip);
		machine_exit(EXIT_PANIC);
	}
	if (tf)
		dump_trapframe(tf);
	dump_backtrace(tf);
	machine_exit(EXIT_PANIC);
}
