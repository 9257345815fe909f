/* kernel/ksyms.h: the kernel's own symbol table, so a panic can name the
 * functions in a backtrace. Built into the image by tools/ksyms-gen. */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stdint.h>

/* The name of the kernel function that contains addr, or NULL if addr is
 * not in kernel text. When a name is returned and offset is not NULL,
 * *offset receives addr's distance from the start of that function. The
 * name is static: never free it. Safe to call from panic (no locks, no
 * allocation). */
const char *ksyms_lookup(uint32_t addr, uint32_t *offset);

/* The same for any address in the kernel image: functions and data
 * objects (the syscall table, the IDT, a static variable); ".ksyms" for
 * the symbol table itself. An address past the end of an object but
 * before the next gets the previous object's name and a large offset. */
const char *ksyms_lookup_any(uint32_t addr, uint32_t *offset);

#endif
