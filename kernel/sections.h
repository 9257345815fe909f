/* kernel/sections.h: the kernel image's sections, as linker.ld lays them
 * out, and __ro_after_init for tables that become read-only after boot. */
#ifndef KERNEL_SECTIONS_H
#define KERNEL_SECTIONS_H

/* A variable written only while the kernel boots (the IDT, the boot
 * information): it lives on pages that paging_protect_kernel() makes
 * read-only before the first program runs, so a later stray write is
 * caught and reported instead of silently corrupting it. Not for const
 * data (that is .rodata, read-only from the start). */
#define __ro_after_init __attribute__((section(".data.ro_after_init")))

/* Boundaries linker.ld defines: [start, end) each, page-aligned except
 * _text_end and _rodata_end's start. Read-only from paging_init():
 * [_kernel_start, _rodata_end) (text, rodata, the test and exception
 * tables) and [__ksyms_start, _kernel_end) (the symbol table); from
 * paging_protect_kernel(): [__ro_after_init_start, __ro_after_init_end). */
extern char _kernel_start[], _text_end[], _rodata_end[];
extern char __ro_after_init_start[], __ro_after_init_end[];
extern char __ksyms_start[], _kernel_end[];

#endif
