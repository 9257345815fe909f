/* kernel/arch/x86/doublefault.c: catching kernel stack overflows. Each
 * kernel stack has an unmapped guard page below it (mm/kstack.c; the boot
 * stack too). An overflow into it page-faults, and the CPU, which would
 * push the page fault's frame onto that same stack, faults again: a
 * double fault. Vector 8 is therefore a task gate: the CPU saves the
 * running registers in the main TSS and switches to a task of its own,
 * with a stack of its own, which reports the overflow and panics. */
#include "kernel/arch/x86/doublefault.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/mmu.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/panic.h"
#include "kernel/thread.h"
#include "mm/kstack.h"

extern char boot_stack_guard[], boot_stack[];  /* boot/boot.asm */

/* The double-fault task's stack: the report (kprintf, the backtrace)
 * runs on it. */
static uint8_t df_stack[PAGE_SIZE] __attribute__((aligned(16)));

/* The stack whose guard page holds addr, or NULL. */
static void *guarded_stack(vaddr_t addr)
{
	if (addr >= (vaddr_t)boot_stack_guard && addr < (vaddr_t)boot_stack)
		return boot_stack;
	return kstack_guarded_by(addr);
}

void kstack_overflow_check(const struct trapframe *tf, vaddr_t cr2,
			   vaddr_t esp)
{
	vaddr_t hit = guarded_stack(cr2) ? cr2 : esp;
	void *stack = guarded_stack(hit);
	if (!stack)
		return;
	/* The running thread's stack, unless something else overflowed
	 * into the guard (a pointer run wild, or another stack's). */
	struct thread *t = thread_current();
	void *own = t->kstack ? (void *)t->kstack : boot_stack;
	if (stack != own)
		panic_with_frame(tf, "write into the guard page below the kernel "
				 "stack at %p (not the stack of thread %d "
				 "(%s)): CR2 %08x, esp %08x", stack, t->tid,
				 thread_name(t), cr2, esp);
	panic_with_frame(tf, "kernel stack overflow in thread %d (%s): esp "
			 "%08x, CR2 %08x in the guard page below its stack "
			 "at %p", t->tid, thread_name(t), esp, cr2, stack);
}

/* Where the double-fault task starts, on df_stack, with the CPU's error
 * code (always 0) pushed where a return address would be. It never
 * returns: there is no sane state to go back to. */
static __attribute__((noreturn)) void double_fault_task(void)
{
	struct trapframe tf;
	tss_interrupted_frame(&tf);
	tf.vector = T_DOUBLE_FAULT;
	kstack_overflow_check(&tf, read_cr2(), tf.user_esp);
	panic_with_frame(&tf, "double fault in kernel mode (esp %08x, not in "
			 "a guard page)", tf.user_esp);
}

void double_fault_init(void)
{
	tss_init_double_fault(double_fault_task,
			      (uint32_t)(df_stack + sizeof(df_stack)),
			      V2P(kernel_pd));
}
