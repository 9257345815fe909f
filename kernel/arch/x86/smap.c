/* kernel/arch/x86/smap.c: turning SMEP and SMAP on at boot when the CPU
 * has them (see smap.h). */
#include "kernel/arch/x86/smap.h"

#include <stdint.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/sections.h"

#define CPUID7_EBX_SMEP (1u << 7)
#define CPUID7_EBX_SMAP (1u << 20)

extern struct smap_site __smap_sites_start[], __smap_sites_end[];

bool smap_enabled __ro_after_init;
bool smep_enabled __ro_after_init;

/* CPUID.(EAX=7,ECX=0):EBX, or 0 on a CPU whose highest leaf is below 7
 * (a 486 or QEMU's default qemu32): asking for a leaf above the highest
 * returns the highest leaf's data, not zeros. */
static uint32_t cpuid7_ebx(void)
{
	uint32_t max, b, c, d;
	cpuid(0, &max, &b, &c, &d);
	if (max < 7)
		return 0;
	uint32_t a;
	cpuid(7, &a, &b, &c, &d);
	return b;
}

/* "on", "off (boot option)" (nosmep, nosmap) or "off (not on this CPU)". */
static const char *state(bool has, bool refused)
{
	return !has ? "off (not on this CPU)" : refused ? "off (boot option)"
						      : "on";
}

/* Rewrite every listed no-op (0f 1f 00) into stac or clac (0f 01 xx).
 * Kernel text is read-only (paging_init): CR0.WP off lets ring 0 write
 * it for the moment. Interrupts are still off, and writing CR0 is
 * serializing, so no stale instruction bytes run afterwards. */
static void patch_sites(void)
{
	uint32_t cr0 = read_cr0();
	write_cr0(cr0 & ~CR0_WP);
	for (struct smap_site *s = __smap_sites_start; s < __smap_sites_end;
	     s++) {
		uint8_t *p = (uint8_t *)s->insn;
		p[1] = 0x01;
		p[2] = (uint8_t)s->modrm;
	}
	write_cr0(cr0);
}

void smap_init(void)
{
	uint32_t ebx = cpuid7_ebx();
	bool has_smep = ebx & CPUID7_EBX_SMEP, has_smap = ebx & CPUID7_EBX_SMAP;
	bool no_smep = cmdline_flag(&kernel_cmdline, "nosmep");
	bool no_smap = cmdline_flag(&kernel_cmdline, "nosmap");

	smep_enabled = has_smep && !no_smep;
	smap_enabled = has_smap && !no_smap;
	/* EFLAGS.AC is clear here (the boot code never set it): no window
	 * is open when SMAP starts. */
	write_cr4(read_cr4() | (smep_enabled ? CR4_SMEP : 0) |
		  (smap_enabled ? CR4_SMAP : 0));
	if (smap_enabled)
		patch_sites();
	pr_info("cpu guards: SMEP %s, SMAP %s\n", state(has_smep, no_smep),
		state(has_smap, no_smap));
}
