/* kernel/arch/x86/trap.c: the IDT, the 8259 PIC, and trap(), the C side of
 * every interrupt, exception and system call. */
#include "kernel/arch/x86/trap.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/pagefault.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "kernel/uapi/signal.h"

struct idt_gate {
	uint16_t off_lo, selector;
	uint8_t zero, type_attr;
	uint16_t off_hi;
} __attribute__((packed));

static struct idt_gate idt[256];
static irq_handler_t irq_handlers[16];
extern const uint32_t trap_vectors[256];

enum { PIC1 = 0x20, PIC2 = 0xa0, PIC_EOI = 0x20 };

static void set_gate(unsigned v, unsigned dpl)
{
	uint32_t off = trap_vectors[v];
	idt[v] = (struct idt_gate){
		.off_lo = off & 0xffff, .selector = SEG_KCODE,
		.type_attr = (uint8_t)(0x80 | (dpl << 5) | 0x0e),  /* interrupt gate */
		.off_hi = off >> 16,
	};
}

/* Move IRQs 0..15 to vectors 32..47, away from the CPU exceptions, and
 * mask them all until a handler is registered. */
static void pic_remap(void)
{
	outb(PIC1, 0x11);
	outb(PIC2, 0x11);
	outb(PIC1 + 1, T_IRQ0);
	outb(PIC2 + 1, T_IRQ0 + 8);
	outb(PIC1 + 1, 4);       /* slave on IRQ2 */
	outb(PIC2 + 1, 2);
	outb(PIC1 + 1, 0x01);    /* 8086 mode */
	outb(PIC2 + 1, 0x01);
	outb(PIC1 + 1, 0xfb);    /* all masked but the cascade */
	outb(PIC2 + 1, 0xff);
}

void trap_init(void)
{
	for (unsigned v = 0; v < 256; v++)
		set_gate(v, v == T_SYSCALL ? 3 : 0);
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) idtr = {
		sizeof(idt) - 1, (uint32_t)idt
	};
	__asm__ volatile("lidt %0" : : "m"(idtr));
	pic_remap();
}

void irq_register(unsigned irq, irq_handler_t handler)
{
	KASSERT(irq < 16);
	irq_handlers[irq] = handler;
	uint16_t port = irq < 8 ? PIC1 + 1 : PIC2 + 1;
	outb(port, inb(port) & ~(1u << (irq & 7)));
}

static const char *const names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack-segment fault", "general protection fault",
	"page fault", "reserved", "x87 floating-point error", "alignment check",
	"machine check", "SIMD floating-point error", "virtualization",
	"control protection", [28] = "hypervisor injection",
	"VMM communication", "security exception",
};

const char *trap_name(unsigned vector)
{
	if (vector < 32)
		return names[vector] ? names[vector] : "reserved";
	if (vector >= T_IRQ0 && vector < T_IRQ0 + 16)
		return "IRQ";
	return vector == T_SYSCALL ? "system call" : "unknown interrupt";
}

static void handle_irq(struct trapframe *tf)
{
	unsigned irq = tf->vector - T_IRQ0;

	/* Spurious IRQ 7/15: the PIC raised and withdrew it; no EOI for 7. */
	if (irq == 7 || irq == 15) {
		outb(irq == 7 ? PIC1 : PIC2, 0x0b);
		if (!(inb(irq == 7 ? PIC1 : PIC2) & 0x80)) {
			if (irq == 15)
				outb(PIC1, PIC_EOI);
			return;
		}
	}
	if (irq >= 8)
		outb(PIC2, PIC_EOI);
	outb(PIC1, PIC_EOI);
	if (irq_handlers[irq])
		irq_handlers[irq](tf);
}

/* The signal a user-mode exception delivers, as Linux's traps.c does. */
static int signal_for(unsigned vector)
{
	switch (vector) {
	case T_DIVIDE: case T_FPU_ERROR: case T_SIMD: case T_NO_FPU:
		return SIGFPE;
	case T_DEBUG: case T_BREAKPOINT:
		return SIGTRAP;
	case T_INVALID_OP:
		return SIGILL;
	case T_NO_SEGMENT: case T_STACK: case T_ALIGNMENT:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

void trap(struct trapframe *tf)
{
	if (tf->vector >= T_IRQ0 && tf->vector < T_IRQ0 + 16) {
		handle_irq(tf);
		/* The kernel is not preemptible: switch only on the way back
		 * to user mode. */
		if (tf->vector == T_IRQ0 && trap_from_user(tf))
			thread_yield();
	} else if (tf->vector == T_SYSCALL) {
		syscall_dispatch(tf);
	} else if (tf->vector == T_PAGE_FAULT) {
		x86_page_fault(tf);
	} else if (trap_from_user(tf)) {
		proc_kill_fault(tf, signal_for(tf->vector), 0);
	} else if (tf->vector == T_GPF && extable_fixup(tf)) {
		/* A #GP at an instruction listed in .extable (probe_read_u32,
		 * user copies) resumes at its fixup with -EFAULT. */
		return;
	} else {
		panic_with_frame(tf, "%s in kernel mode", trap_name(tf->vector));
	}
	if (trap_from_user(tf))
		proc_return_to_user();  /* a thread whose process ends exits */
}
