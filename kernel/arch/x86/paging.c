/* kernel/arch/x86/paging.c: the kernel half of the address space, built
 * once at boot and shared by every process. */
#include "kernel/arch/x86/mmu.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/sections.h"
#include "mm/vmstat.h"

/* kernel_pd is boot/boot.asm's boot page directory, rewritten in place. */
static pte_t image_pt[1024] __attribute__((aligned(PAGE_SIZE)));
static pte_t kmap_pt[1024] __attribute__((aligned(PAGE_SIZE)));
/* The kernel-stack window's page tables, one after the other, so entry
 * (va - KSTACK_BASE) / PAGE_SIZE of the first maps va. Zero (.bss) until
 * a stack is mapped: every guard page stays not present. */
#define KSTACK_PTS ((KSTACK_END - KSTACK_BASE) / PDE_SPAN)
static pte_t kstack_pt[KSTACK_PTS][1024] __attribute__((aligned(PAGE_SIZE)));
extern char boot_stack_guard[];  /* boot/boot.asm: the page below kmain's stack */

void paging_init(paddr_t lowmem_top)
{
	/* First 4 MiB (low memory and the kernel image) in 4 KiB pages, so the
	 * image's text, read-only data and symbol table can be read-only. */
	for (uint32_t i = 0; i < 1024; i++) {
		uint32_t va = KERNEL_BASE + i * PAGE_SIZE;
		bool ro = (va >= (uint32_t)_kernel_start &&
			   va < (uint32_t)_rodata_end) ||
			  (va >= (uint32_t)__ksyms_start &&
			   va < (uint32_t)_kernel_end);
		image_pt[i] = (i * PAGE_SIZE) | PTE_P | PTE_G | (ro ? 0 : PTE_W);
	}
	kernel_pd[KERNEL_PDE_FIRST] = V2P(image_pt) | PTE_P | PTE_W;

	/* The rest of the direct map: 4 MiB pages over RAM only. */
	uint32_t end = KERNEL_PDE_FIRST + (lowmem_top + PDE_SPAN - 1) / PDE_SPAN;
	for (uint32_t i = KERNEL_PDE_FIRST + 1; i < PDX(KMAP_BASE); i++) {
		uint32_t pa = (i - KERNEL_PDE_FIRST) * PDE_SPAN;
		kernel_pd[i] = i < end ? pa | PTE_P | PTE_W | PDE_PS | PTE_G : 0;
	}
	memset(kmap_pt, 0, sizeof(kmap_pt));
	kernel_pd[PDX(KMAP_BASE)] = V2P(kmap_pt) | PTE_P | PTE_W;
	for (uint32_t i = 0; i < KSTACK_PTS; i++)
		kernel_pd[PDX(KSTACK_BASE) + i] = V2P(kstack_pt[i]) | PTE_P | PTE_W;
	/* The boot thread's stack gets a guard page too. */
	image_pt[PTX(boot_stack_guard)] = 0;

	/* Global pages keep the kernel half in the TLB across CR3 reloads. */
	_Static_assert(PDX(DIRECT_MAP_END) <= PDX(KMAP_BASE), "layout");
	write_cr3(V2P(kernel_pd));
	/* Turning PGE on after the reload flushes every stale boot entry. */
	write_cr4(read_cr4() | CR4_PGE);
}

void paging_protect_kernel(void)
{
	/* Without CR0.WP ring 0 ignores the read-only bit (boot/boot.asm
	 * sets it when it turns paging on). */
	KASSERT(read_cr0() & CR0_WP);
	for (uint32_t va = (uint32_t)__ro_after_init_start;
	     va < (uint32_t)__ro_after_init_end; va += PAGE_SIZE) {
		image_pt[PTX(va)] &= ~PTE_W;
		invlpg(va);
	}
}

static pte_t *kstack_pte(vaddr_t va)
{
	KASSERT(va >= KSTACK_BASE && va < KSTACK_END);
	return &kstack_pt[0][(va - KSTACK_BASE) / PAGE_SIZE];
}

void paging_kstack_map(vaddr_t va, paddr_t frame)
{
	*kstack_pte(va) = frame | PTE_P | PTE_W | PTE_G;
}

paddr_t paging_kstack_unmap(vaddr_t va)
{
	pte_t *e = kstack_pte(va);
	paddr_t frame = PTE_ADDR(*e);
	*e = 0;
	invlpg(va);  /* one CPU: no other TLB can hold it */
	vmstat_inc(VM_TLB_FLUSH_PAGE);
	return frame;
}

void *paging_kmap_slot(unsigned slot, paddr_t frame)
{
	uint32_t va = KMAP_BASE + slot * PAGE_SIZE;
	kmap_pt[slot] = frame ? frame | PTE_P | PTE_W : 0;
	invlpg(va);
	vmstat_inc(VM_TLB_FLUSH_PAGE);
	return (void *)va;
}
