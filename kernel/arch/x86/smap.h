/* kernel/arch/x86/smap.h: the CPU's guards between the kernel and user
 * pages. SMEP: ring 0 may not execute a user page. SMAP: ring 0 may not
 * read or write a user page unless EFLAGS.AC is set, which the kernel
 * does (stac) only inside the user-copy routines and clears (clac) right
 * after them and on every entry from user mode. docs/fault.md explains. */
#ifndef ARCH_X86_SMAP_H
#define ARCH_X86_SMAP_H

#include <stdbool.h>

/* True once smap_init() has turned SMAP on. Written only by smap_init(),
 * before any thread runs (read-only after boot, so a stray write cannot
 * turn the clac off); read on every user copy and, from trap.asm, on
 * every kernel entry. */
extern bool smap_enabled;

/* True once smap_init() has turned SMEP on. */
extern bool smep_enabled;

/* Detect SMEP and SMAP (CPUID leaf 7) and turn on those the CPU has, after
 * paging_init() and before the first user copy; print one boot line
 * saying which are on. `nosmap` / `nosmep` on the command line leave one
 * off. Safe on CPUs without leaf 7 (both stay off). */
void smap_init(void);

/* stac and clac are invalid opcodes (#UD) on a CPU without SMAP, so each
 * is guarded by the flag: a load and a predictable branch, about the cost
 * of the instruction itself. (Linux patches the instructions in or out at
 * boot instead; a flag keeps the code plain.) */

/* Open a window in which the kernel may touch user pages: set EFLAGS.AC.
 * Only the user-copy routines (kernel/arch/x86/uaccess.c) call it, around
 * their single faulting instruction, and close it before returning. */
static inline void user_access_begin(void)
{
	if (smap_enabled)
		__asm__ volatile("stac" ::: "memory");
}

/* Close the window: clear EFLAGS.AC. */
static inline void user_access_end(void)
{
	if (smap_enabled)
		__asm__ volatile("clac" ::: "memory");
}

#endif
