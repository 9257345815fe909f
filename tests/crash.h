/* tests/crash.h: deliberate kernel faults, so tools/check-crash can prove
 * a crash is reported (registers, CR2, backtrace) and ends QEMU with
 * EXIT_PANIC. Test-only: reached through the `crash=` boot option. */
#ifndef TESTS_CRASH_H
#define TESTS_CRASH_H

#include <stdbool.h>

/* Crash the kernel the way kind names: "pagefault" (a write through a NULL
 * struct pointer), "divide" (divide by zero), "ud" (an invalid opcode),
 * "badframe" (a page fault with the ebp chain corrupted), "assert" (a
 * failed KASSERT: a panic without a trap), "nested" (a panic whose report
 * faults), "useraccess" (a plain kernel read of a lazy user page, outside
 * the user-copy routines), "smap" (the same of a present user page: a
 * SMAP violation), "smep" (a call into a user page: a SMEP violation).
 * Returns only if kind is NULL or unknown, or the CPU lacks the guard
 * "smap" or "smep" needs (after a warning). */
void crash_run(const char *kind);

/* The guards' kinds (tests/crash_guard.c), tried by crash_run(): writes
 * to read-only kernel memory, "ro_syscall_table" (.rodata),
 * "ro_after_init" (bootinfo) and "ro_ksyms" (the symbol table); endless
 * recursion, "kstack_overflow" (in a kernel thread) and
 * "boot_stack_overflow" (in kmain, on the boot stack). Returns
 * false if kind is none of them; true if it is and the guard failed to
 * fire. */
bool crash_guard(const char *kind);

#endif
