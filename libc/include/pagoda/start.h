/* pagoda/start.h: what the process looked like at its first instruction,
 * saved by _start (libc/crt/crt1.asm) before it touched anything. */
#ifndef _PAGODA_START_H
#define _PAGODA_START_H

#include <stdint.h>

/* The general registers as exec left them: all 0 but esp on Linux i386. */
struct entry_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp;
	uint32_t esp;  /* points at argc */
};

extern struct entry_regs __libc_entry_regs;

/* The entry point, for comparing with AT_ENTRY. */
void _start(void);

#endif
