/* kernel/arch/x86/paging_test.c: the tables the kernel only reads are
 * read-only once it has booted (paging_protect_kernel), and the ones it
 * keeps writing stay writable. Each probe writes back the word already
 * there, so a failing case cannot corrupt the kernel. */
#include "kernel/arch/x86/mmu.h"

#include "kernel/arch/x86/probe.h"
#include "kernel/bootinfo.h"
#include "kernel/cmdline.h"
#include "kernel/sections.h"
#include "kernel/syscall.h"
#include "kernel/uapi/errno.h"
#include "tests/ktest.h"

extern const uint32_t ksyms_count;

struct dtr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

/* 0 if the word at p can be written, -EFAULT if it is read-only (or not
 * mapped), -1 if it cannot even be read. */
static int try_write(const void *p)
{
	uint32_t word;
	if (probe_read_u32(p, &word))
		return -1;
	return probe_write_u32((void *)(uintptr_t)p, word);
}

KTEST(paging, syscall_table_is_read_only)
{
	EXPECT_EQ(try_write(&syscall_table[0]), -EFAULT);
	EXPECT_EQ(try_write(&syscall_table[200]), -EFAULT);
}

KTEST(paging, idt_is_read_only_after_boot)
{
	struct dtr idtr;
	__asm__ volatile("sidt %0" : "=m"(idtr));
	const uint32_t *idt = (const uint32_t *)idtr.base;
	EXPECT_EQ(try_write(&idt[0]), -EFAULT);        /* vector 0 */
	EXPECT_EQ(try_write(&idt[0x80 * 2]), -EFAULT); /* int $0x80 */
}

KTEST(paging, boot_tables_are_read_only_after_boot)
{
	EXPECT_EQ(try_write(&bootinfo), -EFAULT);
	EXPECT_EQ(try_write(&kernel_cmdline), -EFAULT);
	uintptr_t end = (uintptr_t)__ro_after_init_end;
	EXPECT_EQ(try_write((const void *)(end - 4)), -EFAULT);
	EXPECT_EQ(try_write((const void *)end), 0);  /* .data follows */
}

KTEST(paging, symbol_table_is_read_only)
{
	EXPECT_EQ(try_write(&ksyms_count), -EFAULT);
	EXPECT_EQ(try_write((const void *)((uintptr_t)_kernel_end - 4)),
		  -EFAULT);
}

/* Written on every switch (TLS descriptors), and by the CPU itself (the
 * TSS busy bit): the GDT stays writable. */
KTEST(paging, gdt_stays_writable)
{
	struct dtr gdtr;
	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	EXPECT_EQ(try_write((const void *)gdtr.base), 0);
}
