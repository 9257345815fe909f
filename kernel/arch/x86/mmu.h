/* kernel/arch/x86/mmu.h: x86 two-level paging: the bits of a page-directory
 * entry (pde_t) and a page-table entry (pte_t). Only kernel/arch/x86/ uses
 * these; mm/ speaks in portable flags. */
#ifndef ARCH_X86_MMU_H
#define ARCH_X86_MMU_H

#include <stdint.h>

#include "mm/memlayout.h"

typedef uint32_t pde_t;
typedef uint32_t pte_t;

#define PTE_P    0x001u  /* present */
#define PTE_W    0x002u  /* writable */
#define PTE_U    0x004u  /* user-accessible */
#define PTE_A    0x020u  /* accessed (set by the CPU) */
#define PTE_D    0x040u  /* dirty (set by the CPU) */
#define PDE_PS   0x080u  /* in a PDE: a 4 MiB page */
#define PTE_G    0x100u  /* global: survives CR3 reloads (kernel only) */
#define PTE_ADDR(e) ((e) & ~0xfffu)

#define PDX(va) ((uint32_t)(va) >> 22)            /* page-directory index */
#define PTX(va) (((uint32_t)(va) >> 12) & 0x3ff)  /* page-table index */
#define PDE_SPAN (4u << 20)                       /* bytes one PDE maps */
#define KERNEL_PDE_FIRST PDX(KERNEL_BASE)         /* 768 */

#define CR4_PSE 0x10u
#define CR4_PGE 0x80u

/* The kernel's page directory: the template for every address space's
 * kernel half (entries 768..1023). */
extern pde_t kernel_pd[1024];

/* Replace the boot page directory's mappings with the final kernel ones:
 * the kernel image in 4 KiB pages with text and read-only data not
 * writable, lowmem RAM as global 4 MiB pages up to lowmem_top, the page
 * tables of the kernel-stack window (all entries empty) and of the kmap
 * window, and the boot stack's guard page unmapped. Every kernel page
 * table is made here, so every address space shares them. */
void paging_init(paddr_t lowmem_top);

/* End of boot: make the __ro_after_init pages (kernel/sections.h)
 * read-only. A later write to them, or to the text, read-only data or
 * symbol table, is a page fault that panics naming the address and the
 * writer (kernel/arch/x86/pagefault.c). */
void paging_protect_kernel(void);

/* Map the kernel-stack window's page va (mm/kstack.c) to frame, or unmap
 * it and return the frame it held (flushing its TLB entry). */
void paging_kstack_map(vaddr_t va, paddr_t frame);
paddr_t paging_kstack_unmap(vaddr_t va);

/* Point kmap slot (0..KMAP_SLOTS-1) at frame, or unmap it if frame is 0,
 * and flush that one TLB entry. Returns the slot's virtual address. */
void *paging_kmap_slot(unsigned slot, paddr_t frame);

#endif
