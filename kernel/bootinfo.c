/* kernel/bootinfo.c: read the Multiboot information once, at boot. The boot
 * page directory maps the low 896 MiB, so P2V reaches whatever the loader
 * left there. */
#include "kernel/bootinfo.h"

#include "boot/multiboot.h"
#include "kernel/cmdline.h"
#include "kernel/lib/string.h"
#include "kernel/sections.h"
#include "kernel/uapi/errno.h"

struct bootinfo bootinfo __ro_after_init;  /* filled once, at boot */

static void add_range(struct phys_range *r, int *n, uint64_t start, uint64_t end)
{
	if (start < end && *n < BOOT_MAX_RANGES)
		r[(*n)++] = (struct phys_range){ start, end };
}

static void reserve(uint64_t start, uint64_t end)
{
	add_range(bootinfo.reserved, &bootinfo.nreserved,
		  start & ~(uint64_t)(PAGE_SIZE - 1),
		  (end + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1));
}

static void reserve_string(paddr_t s)
{
	reserve(s, s + strlen(P2V(s)) + 1);
}

static void read_memory_map(const struct multiboot_info *mb)
{
	if (!(mb->flags & MB_INFO_MEM_MAP)) {
		/* Only the two sizes: RAM from 1 MiB up. */
		add_range(bootinfo.ram, &bootinfo.nram, 0x100000,
			  0x100000 + (uint64_t)mb->mem_upper * 1024);
		return;
	}
	reserve(mb->mmap_addr, mb->mmap_addr + mb->mmap_length);
	for (paddr_t p = mb->mmap_addr; p < mb->mmap_addr + mb->mmap_length;) {
		const struct multiboot_mmap_entry *e = P2V(p);
		if (e->type == MULTIBOOT_MEMORY_AVAILABLE)
			add_range(bootinfo.ram, &bootinfo.nram, e->addr,
				  e->addr + e->len);
		p += e->size + sizeof(e->size);
	}
}

static void read_modules(const struct multiboot_info *mb)
{
	if (!(mb->flags & MB_INFO_MODS))
		return;
	const struct multiboot_module *m = P2V(mb->mods_addr);
	reserve(mb->mods_addr, mb->mods_addr + mb->mods_count * sizeof(*m));
	for (uint32_t i = 0; i < mb->mods_count; i++) {
		reserve(m[i].start, m[i].end);
		if (bootinfo.nmodules == BOOT_MAX_MODULES)
			continue;
		struct boot_module *bm = &bootinfo.modules[bootinfo.nmodules++];
		bm->start = m[i].start;
		bm->end = m[i].end;
		if (m[i].string) {
			reserve_string(m[i].string);
			const char *s = P2V(m[i].string);
			size_t n = strnlen(s, sizeof(bm->name) - 1);
			memcpy(bm->name, s, n);
			bm->name[n] = '\0';
		}
	}
}

int bootinfo_init(uint32_t magic, paddr_t mbi)
{
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		return -EINVAL;
	const struct multiboot_info *mb = P2V(mbi);

	reserve(0, PAGE_SIZE);  /* real-mode IVT; frame 0 also means "none" */
	reserve(V2P(_kernel_start), V2P(_kernel_end));
	reserve(mbi, mbi + sizeof(*mb));
	if (mb->flags & MB_INFO_CMDLINE) {
		reserve_string(mb->cmdline);
		cmdline_parse(&kernel_cmdline, P2V(mb->cmdline));
	} else {
		cmdline_parse(&kernel_cmdline, "");
	}
	read_memory_map(mb);
	read_modules(mb);
	for (int i = 0; i < bootinfo.nram; i++)
		bootinfo.ram_bytes += bootinfo.ram[i].end - bootinfo.ram[i].start;
	return 0;
}
