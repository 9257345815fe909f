/* kernel/arch/x86/probe.h: reading and writing a word that may not be
 * mapped (or not writable) without panicking, through the fixup table. */
#ifndef ARCH_X86_PROBE_H
#define ARCH_X86_PROBE_H

#include <stdint.h>

/* Read the 32-bit word at addr into *out. Returns 0, or -EFAULT if the read
 * faulted (addr not mapped, or not readable at the current privilege); then
 * *out is left unchanged. Works with interrupts on or off. */
int probe_read_u32(const void *addr, uint32_t *out);

/* Write v to the 32-bit word at addr. Returns 0, or -EFAULT if the write
 * faulted (not mapped, or read-only: CR0.WP makes read-only pages binding
 * on the kernel too), in which case memory is unchanged. */
int probe_write_u32(void *addr, uint32_t v);

#endif
