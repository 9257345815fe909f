/* kernel/arch/x86/trap.c: the IDT, the 8259 PIC, and trap(), the C side of
 * every interrupt, exception and system call. */
#include "kernel/arch/x86/trap.h"

#include <stddef.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/doublefault.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/pagefault.h"
#include "kernel/arch/x86/sigframe.h"
#include "kernel/console.h"
#include "kernel/kstack.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/preempt.h"
#include "kernel/proc.h"
#include "kernel/sections.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "kernel/watchdog.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/check.h"

struct idt_gate {
	uint16_t off_lo, selector;
	uint8_t zero, type_attr;
	uint16_t off_hi;
} __attribute__((packed));

/* Both filled while the kernel boots, then read-only: a stray write can
 * no longer redirect an interrupt. */
static struct idt_gate idt[256] __ro_after_init;
static irq_handler_t irq_handlers[16] __ro_after_init;
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
	/* Ring 3 may raise int $0x80, int3 (SIGTRAP) and into (SIGSEGV), as
	 * on Linux; any other `int n` from user mode is a #GP. */
	for (unsigned v = 0; v < 256; v++)
		set_gate(v, v == T_SYSCALL || v == T_BREAKPOINT ||
			    v == T_OVERFLOW ? 3 : 0);
	/* A double fault switches tasks, to a stack of its own: it is how
	 * a kernel stack overflow (which leaves no stack to push a frame
	 * on) gets reported (doublefault.c). */
	double_fault_init();
	idt[T_DOUBLE_FAULT] = (struct idt_gate){
		.selector = SEG_DF_TSS, .type_attr = 0x85,  /* task gate */
	};
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

/* A user-mode exception becomes a signal for the thread, with si_code
 * and si_addr as Linux's traps.c gives them; if the program does not
 * catch it, the log says why it dies (`pid 7 (prog): trap invalid opcode
 * ip 08048123 sp bffff000 error 0`) and shows its memory map. */
static void user_fault(struct trapframe *tf)
{
	int sig = SIGSEGV, code = SI_KERNEL;
	uint32_t addr = 0;
	switch (tf->vector) {
	case T_DIVIDE:
		sig = SIGFPE, code = FPE_INTDIV, addr = tf->eip;
		break;
	case T_FPU_ERROR: case T_SIMD:
		sig = SIGFPE, addr = tf->eip;
		break;
	case T_DEBUG: case T_BREAKPOINT:
		sig = SIGTRAP;
		break;
	case T_INVALID_OP:
		sig = SIGILL, code = ILL_ILLOPN, addr = tf->eip;
		break;
	case T_NO_SEGMENT: case T_STACK:
		sig = SIGBUS;
		break;
	case T_ALIGNMENT:
		sig = SIGBUS, code = BUS_ADRALN;
		break;
	}
	siginfo_t info;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = (void *)addr;
	if (signal_force(sig, &info)) {
		struct proc *p = proc_current();
		pr_info("pid %d (%s): trap %s ip %08x sp %08x error %x\n", p->pid,
			p->name, trap_name(tf->vector), tf->eip, tf->user_esp,
			tf->err);
		as_dump(p->as, "    ");
	}
}

extern char trap_pop_gs[], trap_pop_fs[], trap_pop_es[], trap_pop_ds[];
extern char trap_iret[];

/* The frame trap_iret was returning to ring 3 with when it faulted (tf,
 * a kernel-mode fault, is just below it on the same stack). The CPU
 * pushed no esp for tf: the interrupted esp is where tf->user_esp would
 * be, and there the user frame's eip begins. */
static struct trapframe *iret_frame(struct trapframe *tf)
{
	return (struct trapframe *)((char *)&tf->user_esp -
				    offsetof(struct trapframe, eip));
}

/* A kernel-mode fault (#GP, #NP, #SS) on the way back to ring 3, caused by
 * a selector user space made bad: a data segment register about to be
 * popped names a descriptor set_thread_area cleared, or iret's ss (or
 * cs) does. Linux's answer: a bad data selector becomes the null one
 * (the pop is retried with 0, as its entry code does), a bad iret frame
 * is a SIGSEGV for the process (as x86-64 Linux, whose failed iret
 * becomes a user-mode #GP; i386 Linux says SIGILL). Returns false if tf
 * is no such fault. */
static bool trap_return_fault(struct trapframe *tf)
{
	char *at = (char *)tf->eip;
	if (trap_from_user(tf) || (tf->vector != T_GPF &&
				   tf->vector != T_NO_SEGMENT &&
				   tf->vector != T_STACK))
		return false;
	if (at == trap_pop_gs || at == trap_pop_fs || at == trap_pop_es ||
	    at == trap_pop_ds) {
		tf->user_esp = 0;  /* the slot being popped: a null selector */
		return true;
	}
	if (at != trap_iret)
		return false;
	/* Rebuild the user's frame in place: tf holds the user's registers
	 * (popped, then pushed again by this trap), 12 bytes below where
	 * the frame had them; eip..ss are still where iret left them. */
	struct trapframe *u = iret_frame(tf);
	memmove(u, tf, offsetof(struct trapframe, vector));
	u->vector = T_GPF;
	u->err = 0;
	u->cs = SEG_UCODE;          /* sane, so the next iret cannot fail */
	u->user_ss = SEG_UDATA;
	user_fault(u);
	proc_return_to_user();
	signal_return_to_user(u, -1);
	/* Return to ring 3 through u: this trap's own frame is gone. */
	__asm__ volatile("movl %0, %%esp\n\tjmp trap_return" : : "r"(u)
			 : "memory");
	__builtin_unreachable();
}

/* The way back to ring 3 from any trap taken in user mode (nr: the
 * system call made, or -1): a thread whose process ends exits, pending
 * signals act (the one place they do), an interrupted call restarts.
 * All of it is tested at once first: a system call with nothing to do
 * pays a few loads and compares, not a walk of the signal state. */
static inline __attribute__((always_inline)) void
return_to_user(struct trapframe *tf, int nr)
{
	struct thread *me = thread_current();
	if (me->must_exit || signal_work_pending(me)) {
		proc_return_to_user();
		signal_return_to_user(tf, nr);
	} else if (nr >= 0 && (long)tf->eax >= -ERESTART_RESTARTBLOCK &&
		   (long)tf->eax <= -ERESTARTSYS) {
		sigframe_syscall_restart(tf, nr, NULL);  /* no handler ran */
	}
}

/* syscall_return()'s work, when there is some. */
static __attribute__((noinline)) void syscall_return_work(struct trapframe *tf,
							  int nr)
{
	if (preempt_requested())
		preempt_return_to_user();
	if (trap_from_user(tf))
		return_to_user(tf, nr);
}

void syscall_return(struct trapframe *tf, int nr)
{
	struct thread *me = thread_current();
	watchdog_touch();  /* a system call is progress */
	if (__builtin_expect(mm_check_syscalls, 0))  /* the `check` option */
		mm_check_syscall((unsigned)nr);
	kstack_after_syscall(nr);  /* the debug build's depth record */
	uint32_t r = tf->eax + ERESTART_RESTARTBLOCK;  /* below 5: -ERESTART* */
	if (preempt_requested() || me->must_exit || signal_work_pending(me) ||
	    r <= ERESTART_RESTARTBLOCK - ERESTARTSYS)
		syscall_return_work(tf, nr);
}

/* A trap taken in virtual-8086 mode. A real CPU ignores EFLAGS.VM in an
 * iret made at CPL 3, but QEMU's TCG honours it, so a program's own iret
 * can enter v86 mode (found by sysfuzz seed 100 batch 2086). Its frame
 * holds real-mode segments and is four words longer; the CS it names may
 * even look like the kernel's, so trap_from_user() cannot tell. pagoda
 * runs no v86 code (there is no vm86 call), so the process dies of a
 * SIGSEGV it cannot catch, and that frame is never returned to. */
static __attribute__((noreturn)) void trap_in_v86(struct trapframe *tf)
{
	struct proc *p = proc_current();
	pr_info("pid %d (%s): trap %u in virtual-8086 mode: killed by SIGSEGV\n",
		p->pid, p->name, (unsigned)tf->vector);
	proc_exit_group(WAIT_SIGNALED(SIGSEGV) | signal_core_flag(SIGSEGV));
}

void trap_page_fault(struct trapframe *tf)
{
	if (__builtin_expect(tf->eflags & EFLAGS_VM, 0))
		trap_in_v86(tf);
	if (trap_from_user(tf))
		watchdog_touch();
	x86_page_fault(tf);
	if (trap_from_user(tf))
		return_to_user(tf, -1);
}

void trap(struct trapframe *tf)
{
	bool user = trap_from_user(tf);
	int nr = -1;  /* the system call made, if it is one */

	if (user)
		watchdog_touch();  /* it was in user mode until now */
	if (tf->vector >= T_IRQ0 && tf->vector < T_IRQ0 + 16) {
		handle_irq(tf);
		if (tf->eflags & EFLAGS_VM)
			trap_in_v86(tf);
		if (!user && tf->vector == T_IRQ0)  /* the tick, in the kernel */
			watchdog_check(tf);
		/* The kernel is not preemptible: switch only on the way back
		 * to user mode, when the running thread's slice is over. */
		if (user)
			preempt_return_to_user();
	} else if (tf->eflags & EFLAGS_VM) {
		trap_in_v86(tf);
	} else if (tf->vector == T_SYSCALL) {
		nr = (int)tf->eax;
		/* System calls run with interrupts on: the clock ticks and
		 * the console receives while a long call runs, and the call
		 * may cond_resched(). */
		cpu_sti();
		syscall_dispatch(tf);
		cpu_cli();
		preempt_return_to_user();
	} else if (tf->vector == T_PAGE_FAULT) {
		x86_page_fault(tf);
	} else if (user) {
		user_fault(tf);
	} else if (trap_return_fault(tf)) {
		/* a bad user selector on the way back: zeroed, or SIGSEGV */
	} else if (tf->vector == T_GPF && extable_fixup(tf)) {
		/* A #GP at an instruction listed in .extable
		 * (probe_read_u32, user copies) resumes at its fixup with
		 * -EFAULT. */
	} else {
		panic_with_frame(tf, "%s in kernel mode", trap_name(tf->vector));
	}
	if (user)
		return_to_user(tf, nr);
}
