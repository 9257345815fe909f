/* kernel/arch/x86/fpu.c: turning the FPU and SSE on, and the clean state
 * new programs start from. */
#include "kernel/arch/x86/fpu.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"

#define CR0_MP 0x2u     /* wait/fwait honours TS */
#define CR0_EM 0x4u     /* no FPU: emulate (must be off) */
#define CR0_NE 0x20u    /* report x87 errors as #MF, not through the PIC */
#define CR0_AM 0x40000u  /* EFLAGS.AC makes misaligned ring-3 accesses fault */
#define CR4_OSFXSR 0x200u
#define CR4_OSXMMEXCPT 0x400u

static struct fpu_state clean;

void fpu_init(void)
{
	write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE | CR0_AM);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	uint32_t mxcsr = 0x1f80;  /* all SSE exceptions masked, as Linux */
	__asm__ volatile("fninit\n\tldmxcsr %0" : : "m"(mxcsr));
	fpu_save(&clean);
}

uint32_t fpu_mxcsr_mask(void)
{
	uint32_t mask;
	memcpy(&mask, clean.fxsave + 28, sizeof(mask));
	return mask ? mask : 0xffbf;  /* 0: the CPU's default mask */
}

void fpu_reset(struct fpu_state *s)
{
	memcpy(s, &clean, sizeof(*s));
}

void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsave %0" : "=m"(*s));
}

void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstor %0" : : "m"(*s));
}
