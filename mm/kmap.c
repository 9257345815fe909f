/* mm/kmap.c: the temporary-mapping window for frames outside the direct
 * map. Slots are handed out from a free stack: O(1) both ways. */
#include "mm/kmap.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/mmu.h"
#include "kernel/panic.h"

static uint16_t free_slots[KMAP_SLOTS];  /* stack of unused slot numbers */
static unsigned nfree;
static bool ready;

static void kmap_init(void)
{
	for (unsigned i = 0; i < KMAP_SLOTS; i++)
		free_slots[i] = (uint16_t)(KMAP_SLOTS - 1 - i);
	nfree = KMAP_SLOTS;
	ready = true;
}

void *kmap(paddr_t frame)
{
	if (frame < LOWMEM_LIMIT)
		return P2V(frame);
	bool irq = irq_save();
	if (!ready)
		kmap_init();
	if (nfree == 0)
		panic("kmap: all %u slots in use", KMAP_SLOTS);
	void *va = paging_kmap_slot(free_slots[--nfree], frame);
	irq_restore(irq);
	return va;
}

void kunmap(void *va)
{
	vaddr_t v = (vaddr_t)va;
	if (v < KMAP_BASE)
		return;  /* a direct-map address: nothing was borrowed */
	bool irq = irq_save();
	unsigned slot = (v - KMAP_BASE) / PAGE_SIZE;
	paging_kmap_slot(slot, 0);
	free_slots[nfree++] = (uint16_t)slot;
	irq_restore(irq);
}

unsigned kmap_slots_in_use(void)
{
	return ready ? KMAP_SLOTS - nfree : 0;
}
