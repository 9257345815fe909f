/* tests/crash_guard.c: the `crash=` kinds that prove the CPU's guards
 * fire (tools/check-kguard): writes to read-only kernel memory. Each
 * writer is a non-inlined function of its own, so the report can name it. */
#include "tests/crash.h"

#include <stdint.h>

#include "kernel/bootinfo.h"
#include "kernel/lib/string.h"
#include "kernel/syscall.h"

extern const uint32_t ksyms_count;  /* kernel/ksyms.c's table */

/* Through a volatile pointer: the compiler may not drop or move the
 * store, nor complain that the target is const. */
static void store(const void *where, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)where = v;
}

/* The system-call table (.rodata): read-only from the first instruction
 * after paging_init(). */
__attribute__((noinline)) static void crash_ro_syscall_table(void)
{
	store(&syscall_table[2], 0);
}

/* The boot information (__ro_after_init): writable while the kernel
 * boots, read-only since paging_protect_kernel(). */
__attribute__((noinline)) static void crash_ro_after_init(void)
{
	store(&bootinfo.nram, 0);
}

/* The symbol table (.ksyms), which the report itself reads. */
__attribute__((noinline)) static void crash_ro_ksyms(void)
{
	store(&ksyms_count, 0);
}

bool crash_guard(const char *kind)
{
	if (strcmp(kind, "ro_syscall_table") == 0)
		crash_ro_syscall_table();
	else if (strcmp(kind, "ro_after_init") == 0)
		crash_ro_after_init();
	else if (strcmp(kind, "ro_ksyms") == 0)
		crash_ro_ksyms();
	else
		return false;
	return true;
}
