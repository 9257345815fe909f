/* boot/multiboot.h: the Multiboot 1 information structure, as the loader
 * (GRUB or QEMU -kernel) leaves it. All addresses in it are physical. */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

#define MB_INFO_MEMORY   (1u << 0)
#define MB_INFO_CMDLINE  (1u << 2)
#define MB_INFO_MODS     (1u << 3)
#define MB_INFO_MEM_MAP  (1u << 6)

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;  /* KiB below 1 MiB, KiB above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	/* drives, config table, loader name, APM, VBE, framebuffer follow */
} __attribute__((packed));

struct multiboot_module {
	uint32_t start, end;  /* [start, end) */
	uint32_t string;      /* the module's command line */
	uint32_t reserved;
} __attribute__((packed));

/* One memory-map entry; size does not count the size field itself. */
struct multiboot_mmap_entry {
	uint32_t size;
	uint64_t addr, len;
	uint32_t type;        /* 1 = available RAM */
} __attribute__((packed));

#define MULTIBOOT_MEMORY_AVAILABLE 1

#endif
