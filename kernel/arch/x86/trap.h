/* kernel/arch/x86/trap.h: what every interrupt, exception and system call
 * saves on the kernel stack, and how handlers are registered. */
#ifndef ARCH_X86_TRAP_H
#define ARCH_X86_TRAP_H

#include <stdbool.h>
#include <stdint.h>

/* The saved state, lowest address first: pusha and the segment registers
 * (by trap_common), the vector and error code (by the stub or the CPU),
 * then what the CPU pushed. user_esp/user_ss exist only for traps from
 * ring 3. */
struct trapframe {
	uint32_t edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax;
	uint32_t gs, fs, es, ds;
	uint32_t vector;
	uint32_t err;          /* CPU error code, or 0 */
	uint32_t eip, cs, eflags;
	uint32_t user_esp, user_ss;
};

enum {
	T_DIVIDE = 0, T_DEBUG = 1, T_NMI = 2, T_BREAKPOINT = 3, T_OVERFLOW = 4,
	T_BOUND = 5, T_INVALID_OP = 6, T_NO_FPU = 7, T_DOUBLE_FAULT = 8,
	T_INVALID_TSS = 10, T_NO_SEGMENT = 11, T_STACK = 12, T_GPF = 13,
	T_PAGE_FAULT = 14, T_FPU_ERROR = 16, T_ALIGNMENT = 17,
	T_MACHINE_CHECK = 18, T_SIMD = 19,
	T_IRQ0 = 32,           /* IRQs 0..15 arrive on vectors 32..47 */
	T_SYSCALL = 0x80,
};

/* Page-fault error code bits (the CPU's). */
#define PF_PRESENT 0x1  /* protection violation (else: not present) */
#define PF_WRITE   0x2
#define PF_USER    0x4
#define PF_RSVD    0x8
#define PF_INSTR   0x10

static inline bool trap_from_user(const struct trapframe *tf)
{
	return (tf->cs & 3) == 3;
}

typedef void (*irq_handler_t)(struct trapframe *tf);

/* Build the IDT, remap the PIC and start taking interrupts (not yet
 * enabled: call cpu_sti()). */
void trap_init(void);

/* Route IRQ line irq (0..15) to handler and unmask it. Only while the
 * kernel boots: the handler table is read-only after it. */
void irq_register(unsigned irq, irq_handler_t handler);

/* The human name of an exception vector ("page fault"). */
const char *trap_name(unsigned vector);

/* Called by trap_common in trap.asm for every vector but the two hot
 * ones, which have their own paths: the page fault (trap_page_fault) and
 * the system call (syscall_common, then syscall_return in syscall.h). */
void trap(struct trapframe *tf);

/* The page fault's handler (trap.asm's page_fault_common): resolve it,
 * then what every return to user mode does. */
void trap_page_fault(struct trapframe *tf);

#endif
