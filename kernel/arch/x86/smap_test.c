/* kernel/arch/x86/smap_test.c: the user-copy routines work with SMAP on
 * (make test boots with -cpu max) and off (tools/check-cpu-guards boots
 * this suite on a CPU without it), close their user-access window (AC)
 * on the way out, fault or not; CR4 and the patched stac/clac sites hold
 * what smap_init() chose.
 * That a stray access is caught is tools/check-cpu-guards's part. */
#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/smap.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"
#include "tests/ktest.h"
#include "tests/vmtest.h"

#define BASE 0x08048000u

extern const struct smap_site __smap_sites_start[], __smap_sites_end[];

static bool window_closed(void)
{
	return !(read_eflags() & EFLAGS_AC);
}

KTEST(smap, cr4_holds_the_guards_smap_init_chose)
{
	uint32_t cr4 = read_cr4();
	EXPECT_EQ(!!(cr4 & CR4_SMAP), smap_enabled);
	EXPECT_EQ(!!(cr4 & CR4_SMEP), smep_enabled);
	EXPECT_TRUE(window_closed());
}

/* Every SMAP_SITE is stac or clac with SMAP on, the 3-byte no-op it was
 * built as with SMAP off; both kinds exist (the copies, the entry). */
KTEST(smap, sites_are_patched_as_the_cpu_allows)
{
	int stac = 0, clac = 0;
	for (const struct smap_site *s = __smap_sites_start;
	     s < __smap_sites_end; s++) {
		const uint8_t *p = (const uint8_t *)s->insn;
		EXPECT_EQ(p[0], 0x0f);
		EXPECT_EQ(p[1], smap_enabled ? 0x01 : 0x1f);
		EXPECT_EQ(p[2], smap_enabled ? s->modrm : 0x00);
		stac += s->modrm == 0xcb;
		clac += s->modrm == 0xca;
	}
	EXPECT_GE(stac, 2);  /* copy(), strnlen_user() */
	EXPECT_GE(clac, 5);  /* those, and the three entry paths */
}

KTEST(smap, copies_work_and_close_the_window)
{
	struct address_space *as = vmtest_space(vma_create(
		BASE, BASE + 2 * PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON));
	ASSERT_NOT_NULL(as);
	static const char msg[] = "across a page boundary";
	char back[sizeof(msg)] = { 0 };
	char *u = (char *)(BASE + PAGE_SIZE - 5);  /* straddles both pages */

	EXPECT_EQ(copy_to_user(u, msg, sizeof(msg)), 0);
	EXPECT_TRUE(window_closed());
	EXPECT_EQ(copy_from_user(back, u, sizeof(msg)), 0);
	EXPECT_TRUE(window_closed());
	EXPECT_EQ(memcmp(back, msg, sizeof(msg)), 0);
	EXPECT_EQ(strnlen_user(u, 100), (long)sizeof(msg) - 1);
	EXPECT_TRUE(window_closed());
	memset(back, 0, sizeof(back));
	EXPECT_EQ(strncpy_from_user(back, u, sizeof(back)),
		  (long)sizeof(msg) - 1);
	EXPECT_EQ(strcmp(back, msg), 0);
	EXPECT_TRUE(window_closed());
	vmtest_done(as);
}

/* A copy that ends at its fixup (the page past the VMA is unmapped)
 * returns -EFAULT with the window closed all the same. */
KTEST(smap, a_faulting_copy_closes_the_window)
{
	struct address_space *as = vmtest_space(vma_create(
		BASE, BASE + PAGE_SIZE, VMA_READ | VMA_WRITE, VMA_ANON));
	ASSERT_NOT_NULL(as);
	char buf[16] = "0123456789abcde";
	char *edge = (char *)(BASE + PAGE_SIZE - 8);

	EXPECT_EQ(copy_to_user(edge, buf, sizeof(buf)), -EFAULT);
	EXPECT_TRUE(window_closed());
	EXPECT_EQ(copy_from_user(buf, edge, sizeof(buf)), -EFAULT);
	EXPECT_TRUE(window_closed());
	EXPECT_EQ(strnlen_user((char *)(BASE + PAGE_SIZE), 4), -EFAULT);
	EXPECT_TRUE(window_closed());
	vmtest_done(as);
}
