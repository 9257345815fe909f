/* exec/initrd_boot.c: finds the initrd among the Multiboot modules at boot
 * and indexes it into boot_initrd. Kernel only; the parser it calls
 * (exec/initrd.c) is pure. */
#include "exec/initrd.h"

#include "kernel/bootinfo.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"

struct initrd *boot_initrd;

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* QEMU's -initrd gives one module named after the file; GRUB's
 * `module /boot/initrd.cpio initrd` names it by its command line. With
 * several modules, take the one that says it is the initrd, else the first. */
static const struct boot_module *initrd_module(void)
{
	for (int i = 0; i < bootinfo.nmodules; i++) {
		const char *name = bootinfo.modules[i].name;
		if (ends_with(name, "initrd") || ends_with(name, ".cpio"))
			return &bootinfo.modules[i];
	}
	return bootinfo.nmodules > 0 ? &bootinfo.modules[0] : NULL;
}

/* Say why the archive was refused, so that it can be fixed: the offset
 * and name are the bad entry's (a hex dump of the module shows it). */
static void error_report(const struct initrd_error *err)
{
	if (strcmp(err->why, "out of memory") == 0)
		pr_err("initrd: out of memory while indexing the archive\n");
	else if (err->entry[0])
		pr_err("initrd: corrupt archive at offset 0x%x (entry \"%s\"): "
		       "%s\n", err->offset, err->entry, err->why);
	else
		pr_err("initrd: corrupt archive at offset 0x%x: %s\n",
		       err->offset, err->why);
	pr_err("initrd: not used; no file can be loaded from it\n");
}

void initrd_init(void)
{
	const struct boot_module *m = initrd_module();
	struct initrd_error err;

	if (!m) {
		pr_info("initrd: none (no Multiboot module)\n");
		return;
	}
	/* The archive is read in place through the direct map, which ends
	 * at LOWMEM_LIMIT; loaders put modules just above the kernel. */
	if (m->end < m->start || m->end > LOWMEM_LIMIT) {
		pr_err("initrd: module \"%s\" at [0x%x, 0x%x) is outside the "
		       "direct map (below 0x%x); not used\n",
		       m->name, m->start, m->end, LOWMEM_LIMIT);
		return;
	}
	size_t size = m->end - m->start;
	boot_initrd = initrd_parse(P2V(m->start), size, &err);
	if (boot_initrd) {
		pr_info("initrd: %zu entries, %zu KiB\n",
			initrd_count(boot_initrd), (size + 1023) / 1024);
		return;
	}
	error_report(&err);
}
