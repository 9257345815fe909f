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
#define SEG_DF_TSS 0x48   /* entry 9: the double-fault task's TSS */
#define GDT_ENTRIES   10

struct trapframe;

void gdt_init(void);

/* Load a thread's TLS descriptors into GDT entries 6..8 (each 8 bytes,
 * as the CPU reads them; 0 is an empty entry). User code reaches them by
 * loading %gs with entry * 8 + 3. */
void gdt_load_tls(const uint64_t tls[GDT_TLS_COUNT]);

/* The kernel stack the CPU switches to when ring 3 traps. */
void tss_set_kernel_stack(uint32_t esp0);

/* Set up the double-fault task (entry 9): when the IDT's task gate for
 * vector 8 is taken, the CPU saves the running state in the main TSS and
 * starts entry on its own stack [stack, stack_top), with interrupts off
 * and page directory pd_phys (kernel_pd: the kernel half is the same in
 * every directory). */
void tss_init_double_fault(void (*entry)(void), uint32_t stack_top,
			   uint32_t pd_phys);

/* From the double-fault task: fill tf with the registers the CPU saved in
 * the main TSS when it switched away (eip, eflags, the general and segment
 * registers; the interrupted esp goes in tf->user_esp), vector and error
 * code zero. */
void tss_interrupted_frame(struct trapframe *tf);

#endif
