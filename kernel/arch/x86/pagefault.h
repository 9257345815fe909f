/* kernel/arch/x86/pagefault.h: the page-fault trap handler. */
#ifndef ARCH_X86_PAGEFAULT_H
#define ARCH_X86_PAGEFAULT_H

#include <stdbool.h>

#include "kernel/arch/x86/trap.h"

/* Resolve the fault described by tf and CR2, or redirect a faulting
 * user-copy instruction to its fixup, or panic for a kernel bug. */
void x86_page_fault(struct trapframe *tf);

/* Resolve faults from user mode through the fault tracer (traced true,
 * while trace=fault may be on: kernel/trace.c), or straight through
 * vm_fault() again. */
void x86_fault_set_traced(bool traced);

#endif
