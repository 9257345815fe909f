/* kernel/arch/x86/smap.h: the CPU's guards between the kernel and user
 * pages. SMEP: ring 0 may not execute a user page. SMAP: ring 0 may not
 * read or write a user page unless EFLAGS.AC is set, which the kernel
 * does (stac) only inside the user-copy routines and clears (clac) right
 * after them and on every entry from user mode. docs/fault.md explains. */
#ifndef ARCH_X86_SMAP_H
#define ARCH_X86_SMAP_H

#include <stdbool.h>
#include <stdint.h>

/* True once smap_init() has turned SMAP on (and patched in stac and
 * clac, below). Written only by smap_init(), before any thread runs;
 * read-only after boot. */
extern bool smap_enabled;

/* True once smap_init() has turned SMEP on. */
extern bool smep_enabled;

/* Detect SMEP and SMAP (CPUID leaf 7) and turn on those the CPU has, after
 * paging_init() and before the first user copy and the first interrupt;
 * with SMAP, patch every SMAP_SITE. Prints one boot line saying which
 * are on. `nosmap` / `nosmep` on the command line leave one
 * off. Safe on CPUs without leaf 7 (both stay off). */
void smap_init(void);

/* stac and clac are invalid opcodes (#UD) on a CPU without SMAP. So the
 * code holds a 3-byte no-op (nopl (%eax): 0f 1f 00) where each belongs,
 * listed in section .smap_sites, and smap_init() rewrites every listed
 * no-op into stac (0f 01 cb) or clac (0f 01 ca) once it has turned SMAP
 * on: one instruction either way, no test, no branch. This is Linux's
 * "alternatives" in its smallest form; until smap_init() runs (early
 * boot), and for ever on a CPU without SMAP, the no-ops stay. */
struct smap_site {
	uint32_t insn;  /* address of the 3-byte no-op */
	uint32_t modrm; /* its last byte once patched: 0xcb stac, 0xca clac */
};

/* For inline asm: the no-op that becomes the instruction whose last
 * byte is modrm. trap.asm has the NASM form (SMAP_SITE there). */
#define SMAP_SITE(modrm)                                                       \
	"661:\n\t"                                                             \
	".byte 0x0f, 0x1f, 0x00\n\t"                                           \
	".pushsection .smap_sites, \"a\"\n\t"                                  \
	".balign 4\n\t"                                                        \
	".long 661b, " #modrm "\n\t"                                           \
	".popsection\n\t"

/* Open a window in which the kernel may touch user pages: set EFLAGS.AC
 * (stac). Only the user-copy routines (kernel/arch/x86/uaccess.c) call
 * it, around their single faulting instruction, and close it before
 * returning. */
static inline void user_access_begin(void)
{
	__asm__ volatile(SMAP_SITE(0xcb) ::: "memory");
}

/* Close the window: clear EFLAGS.AC (clac). */
static inline void user_access_end(void)
{
	__asm__ volatile(SMAP_SITE(0xca) ::: "memory");
}

#endif
