/* kernel/arch/x86/fpu.h: the x87/SSE registers of user threads. The
 * kernel itself never uses them (-mgeneral-regs-only), so a thread's
 * state only has to follow it across switches: saved and restored eagerly
 * with fxsave/fxrstor, 512 bytes per user thread. */
#ifndef ARCH_X86_FPU_H
#define ARCH_X86_FPU_H

#include <stdalign.h>
#include <stdint.h>

struct fpu_state {
	alignas(16) uint8_t fxsave[512];  /* fxsave's format */
};

/* Enable the FPU and SSE for user code (CR0.MP/NE, CR4.OSFXSR and
 * OSXMMEXCPT) and record the clean state every new program starts with. */
void fpu_init(void);

/* Set s to the clean state (as after exec: x87 and MXCSR defaults). */
void fpu_reset(struct fpu_state *s);

/* Save the registers into s, or load them from it. */
void fpu_save(struct fpu_state *s);
void fpu_restore(const struct fpu_state *s);

/* The MXCSR bits this CPU accepts (fxsave's mxcsr_mask): a value from
 * user memory (sigreturn) is masked with it before fxrstor. */
uint32_t fpu_mxcsr_mask(void);

#endif
