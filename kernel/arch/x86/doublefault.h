/* kernel/arch/x86/doublefault.h: the double-fault task, which reports a
 * kernel stack overflow (kernel/arch/x86/doublefault.c). */
#ifndef ARCH_X86_DOUBLEFAULT_H
#define ARCH_X86_DOUBLEFAULT_H

#include "mm/memlayout.h"

struct trapframe;

/* Prepare the double-fault task's TSS and stack (after gdt_init); the
 * IDT's vector 8 is a task gate to it (trap_init). */
void double_fault_init(void);

/* If cr2 or esp lies in a kernel stack's guard page, panic with "kernel
 * stack overflow in thread TID (name)" and tf's registers and backtrace;
 * otherwise return. For the double-fault task and for a kernel page
 * fault. */
void kstack_overflow_check(const struct trapframe *tf, vaddr_t cr2,
			   vaddr_t esp);

#endif
