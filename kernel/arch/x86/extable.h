/* kernel/arch/x86/extable.h: the exception fixup table, as Linux's
 * __ex_table. Code that may fault on purpose (probing an address, copying
 * from or to user memory) lists each such instruction with the address to
 * resume at; a kernel-mode page fault or #GP there does not panic. */
#ifndef ARCH_X86_EXTABLE_H
#define ARCH_X86_EXTABLE_H

#include <stdbool.h>
#include <stdint.h>

struct trapframe;

/* One entry in section .extable (collected by linker.ld between
 * __extable_start and __extable_end): two 32-bit absolute addresses. The
 * table is not sorted. NASM code adds an entry with
 *     section .extable
 *     dd faulting_insn, fixup
 */
struct extable_entry {
	uint32_t insn;  /* the instruction that may fault */
	uint32_t fixup; /* where to go on instead, with eax = -EFAULT */
};

/* For inline asm: list the instruction at label insn, resuming at label
 * fixup if it faults. The fault handler sets eax to -EFAULT and jumps to
 * fixup, so the asm statement must hold its result in eax ("+a"). Use
 * numeric local labels:
 *     "1: movl (%2), %1\n"
 *     "2:\n"
 *     EXTABLE_ENTRY(1b, 2b)
 */
#define EXTABLE_ENTRY(insn, fixup)                                             \
	".pushsection .extable, \"a\"\n\t"                                     \
	".balign 4\n\t"                                                        \
	".long " #insn ", " #fixup "\n\t"                                      \
	".popsection\n\t"

/* The fixup address for a fault at eip, or 0 if eip has no entry. */
uint32_t extable_find(uint32_t eip);

/* If tf is a kernel-mode fault at an instruction in the table, redirect it:
 * tf->eip becomes the fixup address and tf->eax -EFAULT. Returns true if it
 * did (the trap should just return), false if the fault is a kernel bug. */
bool extable_fixup(struct trapframe *tf);

#endif
