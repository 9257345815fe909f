/* kernel/arch/x86/probe_test.c: the kernel's page protections, checked
 * through probe_read_u32/probe_write_u32 (which the fixup table turns
 * from a panic into -EFAULT), and the fixup table itself. */
#include "kernel/arch/x86/probe.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/extable.h"
#include "kernel/uapi/errno.h"
#include "tests/ktest.h"

extern const char _kernel_start[], _text_end[];
extern const struct extable_entry __extable_start[], __extable_end[];

static const uint32_t probe_test_constant = 0x600dc0de;
static uint32_t probe_test_variable = 0x12345678;

/* boot.asm drops the identity map, and nothing maps page 0 again. */
KTEST(paging, null_page_is_unmapped)
{
	uint32_t v = 0xaaaaaaaa;
	EXPECT_EQ(probe_read_u32((const void *)0, &v), -EFAULT);
	EXPECT_EQ(probe_read_u32((const void *)0xffc, &v), -EFAULT);
	EXPECT_EQ(v, 0xaaaaaaaa); /* not written on a fault */
	EXPECT_EQ(probe_write_u32((void *)0, 1), -EFAULT);
}

/* paging_init maps text and rodata without PTE_W, and CR0.WP makes that
 * bind ring 0 too. Each probe writes back the value already there, so a
 * bug here cannot corrupt the kernel. */
KTEST(paging, kernel_text_is_read_only)
{
	void *text = (void *)probe_read_u32;
	uint32_t word;

	EXPECT_TRUE(read_cr0() & CR0_WP);
	ASSERT_EQ(probe_read_u32(text, &word), 0);
	EXPECT_EQ(probe_write_u32(text, word), -EFAULT);
}

KTEST(paging, kernel_rodata_is_read_only)
{
	void *ro = (void *)&probe_test_constant;
	uint32_t word;

	ASSERT_EQ(probe_read_u32(ro, &word), 0);
	EXPECT_EQ(word, 0x600dc0de);
	EXPECT_EQ(probe_write_u32(ro, word), -EFAULT);
}

KTEST(paging, kernel_data_is_writable)
{
	uint32_t word = 0;

	EXPECT_EQ(probe_read_u32(&probe_test_variable, &word), 0);
	EXPECT_EQ(word, 0x12345678);
	EXPECT_EQ(probe_write_u32(&probe_test_variable, 0x87654321), 0);
	EXPECT_EQ(probe_test_variable, 0x87654321);
	probe_test_variable = 0x12345678;
}

/* Every entry names two instructions inside kernel text. */
KTEST(extable, entries_point_into_kernel_text)
{
	uint32_t lo = (uint32_t)_kernel_start, hi = (uint32_t)_text_end;

	EXPECT_GE(__extable_end - __extable_start, 2); /* the two probes */
	for (const struct extable_entry *e = __extable_start; e < __extable_end;
	     e++) {
		EXPECT_TRUE(e->insn >= lo && e->insn < hi);
		EXPECT_TRUE(e->fixup >= lo && e->fixup < hi);
	}
}

KTEST(extable, find_gives_fixup_only_for_listed_instructions)
{
	ASSERT_GE(__extable_end - __extable_start, 1);
	EXPECT_EQ(extable_find(__extable_start[0].insn),
		  __extable_start[0].fixup);
	EXPECT_EQ(extable_find((uint32_t)probe_read_u32), 0);
	EXPECT_EQ(extable_find(0), 0);
}
