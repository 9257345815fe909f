/* tests/crash_guard.c: the `crash=` kinds that prove the CPU's guards
 * fire (tools/check-kguard): writes to read-only kernel memory, and
 * kernel stack overflows into a guard page. Each is a non-inlined
 * function of its own, so the report can name it. */
#include "tests/crash.h"

#include <stdint.h>

#include "kernel/bootinfo.h"
#include "kernel/lib/string.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"

extern const uint32_t ksyms_count;  /* kernel/ksyms.c's table */

/* Through a volatile pointer: the compiler may not drop or move the
 * store, nor complain that the target is const. */
static inline __attribute__((always_inline)) void store(const void *where,
							       uint32_t v)
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

/* Recursion with no end in sight: 64 bytes and a return address a call,
 * so a 4 KiB stack is gone after about 50 calls. The limit (never
 * reached) only keeps the compiler from calling it infinite. */
static volatile unsigned crash_depth_limit = 1u << 30;

__attribute__((noinline)) static unsigned crash_recurse(unsigned depth)
{
	volatile uint8_t pad[64];
	pad[0] = (uint8_t)depth;
	if (depth == crash_depth_limit)
		return 0;
	return crash_recurse(depth + 1) + pad[0];
}

static void crash_overflow_thread(void *arg)
{
	crash_recurse(0);
}

/* A kernel thread whose stack overflows: the double-fault task must name
 * it (by its function, crash_overflow_thread). */
__attribute__((noinline)) static void crash_kstack_overflow(void)
{
	struct thread *t = thread_create_kernel(crash_overflow_thread, NULL);
	if (!t)
		return;
	thread_start(t);
	for (int i = 0; i < 100; i++)
		thread_yield();  /* t runs, and should never come back */
}

bool crash_guard(const char *kind)
{
	if (strcmp(kind, "ro_syscall_table") == 0)
		crash_ro_syscall_table();
	else if (strcmp(kind, "ro_after_init") == 0)
		crash_ro_after_init();
	else if (strcmp(kind, "ro_ksyms") == 0)
		crash_ro_ksyms();
	else if (strcmp(kind, "kstack_overflow") == 0)
		crash_kstack_overflow();
	else if (strcmp(kind, "boot_stack_overflow") == 0)
		crash_recurse(0);
	else
		return false;
	return true;
}
