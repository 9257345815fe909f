/* tests/crash.c: the faults behind `crash=KIND` (see tests/crash.h). Each
 * lives in its own non-inlined function so the backtrace has a known name
 * in it: tools/check-crash looks for crash_pagefault and kmain. */
#include "tests/crash.h"

#include <stdint.h>

#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "mm/as.h"
#include "mm/uaccess.h"

struct crash_victim {
	uint32_t magic;
	uint32_t count; /* at offset 4: the fault address is 0x4 */
};

/* volatile: the compiler must not see that these are NULL and 0. */
static struct crash_victim *volatile crash_victim;
static volatile int crash_zero, crash_one = 1, crash_result;

__attribute__((noinline)) static void crash_pagefault(void)
{
	crash_victim->count = 1;
}

__attribute__((noinline)) static void crash_divide(void)
{
	crash_result = crash_one / crash_zero;
}

__attribute__((noinline)) static void crash_ud(void)
{
	__builtin_trap(); /* ud2 */
}

/* Point this frame's saved ebp into the direct map above RAM (not mapped),
 * then fault: the walker must stop at the bad frame, not fault again. */
__attribute__((noinline)) static void crash_badframe(void)
{
	uint32_t *fp = __builtin_frame_address(0);

	fp[0] = 0xf0000000;
	crash_victim->count = 2;
}

__attribute__((noinline)) static void crash_assert(void)
{
	KASSERT(crash_one == 2);
}

/* A panic whose own report faults: the message's %s points at page 0. */
__attribute__((noinline)) static void crash_nested(void)
{
	panic("this message faults: %s", (const char *)crash_victim + 0x10);
}

/* A fresh address space with one anonymous page-sized VMA at base
 * (read, write, exec), switched to. False if memory ran out. */
static bool crash_user_page(vaddr_t base)
{
	struct address_space *as = as_create();
	struct vma *v = vma_create(base, base + PAGE_SIZE,
				   VMA_READ | VMA_WRITE | VMA_EXEC, VMA_ANON);

	if (!as || !v || as_insert_vma(as, v) != 0) {
		vma_destroy(v);
		if (as)
			as_destroy(as);
		return false;
	}
	as_switch(as);
	return true;
}

/* A plain kernel read of a user address that a VMA covers but no page
 * backs yet. Only the user-copy routines may fault on user addresses; the
 * fault path must panic here, not quietly bring the page in. */
__attribute__((noinline)) static void crash_useraccess(void)
{
	if (crash_user_page(0x08048000u))
		crash_result = *(volatile int *)0x08048000u;
}

/* A plain kernel read of a present user page (copy_to_user brought it
 * in): silent success without SMAP, a SMAP violation with it. */
__attribute__((noinline)) static void crash_smap(void)
{
	int one = 1;

	if (crash_user_page(0x08048000u) &&
	    copy_to_user((void *)0x08048000u, &one, sizeof(one)) == 0)
		crash_result = *(volatile int *)0x08048000u;
}

/* A call into a present user page holding `ret` (0xc3): without SMEP the
 * kernel runs it in ring 0 and comes back; with SMEP the fetch faults. */
__attribute__((noinline)) static void crash_smep(void)
{
	static const unsigned char ret = 0xc3;

	if (crash_user_page(0x08048000u) &&
	    copy_to_user((void *)0x08048000u, &ret, sizeof(ret)) == 0) {
		((void (*)(void))0x08048000u)();
		crash_result = 1;  /* a call, not a tail jump: crash_smep
				    * is the caller the report names */
	}
}

void crash_run(const char *kind)
{
	if (!kind)
		return;
	pr_warn("crash=%s: crashing on purpose\n", kind);
	if (strcmp(kind, "pagefault") == 0)
		crash_pagefault();
	else if (strcmp(kind, "divide") == 0)
		crash_divide();
	else if (strcmp(kind, "ud") == 0)
		crash_ud();
	else if (strcmp(kind, "badframe") == 0)
		crash_badframe();
	else if (strcmp(kind, "assert") == 0)
		crash_assert();
	else if (strcmp(kind, "nested") == 0)
		crash_nested();
	else if (strcmp(kind, "useraccess") == 0)
		crash_useraccess();
	else if (strcmp(kind, "smap") == 0)
		crash_smap();
	else if (strcmp(kind, "smep") == 0)
		crash_smep();
	else
		crash_guard(kind);
	pr_warn("crash=%s: did not crash (unknown kind?)\n", kind);
}
