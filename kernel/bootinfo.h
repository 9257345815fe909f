/* kernel/bootinfo.h: what the loader told us, copied out of the Multiboot
 * structures into kernel memory so nothing needs them after boot. */
#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H

#include <stdint.h>

#include "mm/memlayout.h"

#define BOOT_MAX_RANGES  64
#define BOOT_MAX_MODULES 8

struct phys_range {
	uint64_t start, end;  /* [start, end), physical */
};

struct boot_module {
	paddr_t start, end;   /* [start, end), physical */
	char name[64];        /* the module's command line, truncated */
};

struct bootinfo {
	struct phys_range ram[BOOT_MAX_RANGES];       /* available RAM */
	int nram;
	struct phys_range reserved[BOOT_MAX_RANGES];  /* never to be allocated */
	int nreserved;
	struct boot_module modules[BOOT_MAX_MODULES];
	int nmodules;
	uint64_t ram_bytes;                           /* sum of ram[] */
};

extern struct bootinfo bootinfo;

/* Fill bootinfo from the Multiboot information at physical address mbi,
 * parse the command line into kernel_cmdline, and record as reserved the
 * kernel image, the Multiboot structures, the command line and the
 * modules. Returns 0, or -EINVAL if magic is not the Multiboot magic. */
int bootinfo_init(uint32_t magic, paddr_t mbi);

#endif
