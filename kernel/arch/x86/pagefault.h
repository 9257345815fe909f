/* kernel/arch/x86/pagefault.h: the page-fault trap handler. */
#ifndef ARCH_X86_PAGEFAULT_H
#define ARCH_X86_PAGEFAULT_H

#include "kernel/arch/x86/trap.h"

/* Resolve the fault described by tf and CR2, or redirect a faulting
 * user-copy instruction to its fixup, or panic for a kernel bug. */
void x86_page_fault(struct trapframe *tf);

#endif
