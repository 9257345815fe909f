/* kernel/arch/x86/machine.h: leaving the machine. Under QEMU the
 * isa-debug-exit device (port 0xf4) ends the emulator with a status. */
#ifndef ARCH_X86_MACHINE_H
#define ARCH_X86_MACHINE_H

/* Exit codes written to isa-debug-exit; QEMU exits with (code << 1) | 1,
 * so these arrive on the host as 1, 3 and 5. tools/ maps them back. */
enum machine_exit_code {
	EXIT_PASS = 0,   /* all tests passed, or a clean shutdown */
	EXIT_FAIL = 1,   /* a test failed */
	EXIT_PANIC = 2,  /* the kernel panicked */
};

/* Leave QEMU with code. On hardware without the device, halt forever. */
__attribute__((noreturn)) void machine_exit(unsigned code);

#endif
