/* kernel/arch/x86/gdt.h: segments and the TSS. Flat 4 GiB segments for
 * ring 0 and ring 3; the TSS only supplies the ring-0 stack (esp0). */
#ifndef ARCH_X86_GDT_H
#define ARCH_X86_GDT_H

#include <stdint.h>

#define SEG_KCODE 0x08
#define SEG_KDATA 0x10
#define SEG_UCODE (0x18 | 3)
#define SEG_UDATA (0x20 | 3)
#define SEG_TSS   0x28
#define GDT_TLS_FIRST 6   /* entries 6..8: thread-local storage (set_thread_area) */
#define GDT_TLS_COUNT 3
#define GDT_ENTRIES   9

void gdt_init(void);

/* Load a thread's TLS descriptors into GDT entries 6..8 (each 8 bytes,
 * as the CPU reads them; 0 is an empty entry). User code reaches them by
 * loading %gs with entry * 8 + 3. */
void gdt_load_tls(const uint64_t tls[GDT_TLS_COUNT]);

/* The kernel stack the CPU switches to when ring 3 traps. */
void tss_set_kernel_stack(uint32_t esp0);

#endif
