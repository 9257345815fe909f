/* mm/kstack.c: the kernel-stack window's slots. Slot i is two pages at
 * KSTACK_BASE + 2 * i pages: a guard page that is never mapped, then the
 * stack page. Free slots are a stack of indices (the last freed is the
 * first reused); slots never used yet are taken in order above them. */
#include "mm/kstack.h"

#include <stdint.h>

#include "kernel/arch/x86/mmu.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "mm/pmm.h"

static struct spinlock kstack_lock = SPINLOCK_INIT("kstack");
/* Guarded by kstack_lock: */
static uint16_t free_slots[KSTACK_SLOTS]; /* [0, nfree): freed, reusable */
static unsigned nfree;
static unsigned fresh;       /* slots [fresh, KSTACK_SLOTS) never used yet */
static unsigned in_use;

static vaddr_t slot_stack(unsigned slot)
{
	return KSTACK_BASE + (2 * slot + 1) * PAGE_SIZE;
}

void *kstack_alloc(void)
{
	paddr_t frame = pmm_alloc_frame(0);  /* any frame: it has its own mapping */
	if (!frame)
		return NULL;
	spin_lock(&kstack_lock);
	unsigned slot = nfree ? free_slots[--nfree]
			: fresh < KSTACK_SLOTS ? fresh++ : KSTACK_SLOTS;
	if (slot < KSTACK_SLOTS)
		in_use++;
	spin_unlock(&kstack_lock);
	if (slot == KSTACK_SLOTS) {
		pmm_free_frame(frame);
		return NULL;
	}
	/* A not-present entry is never cached, so no flush is needed. */
	paging_kstack_map(slot_stack(slot), frame);
	return (void *)slot_stack(slot);
}

void kstack_free(void *stack)
{
	vaddr_t va = (vaddr_t)stack;
	unsigned slot = (va - KSTACK_BASE) / (2 * PAGE_SIZE);
	KASSERT(va >= KSTACK_BASE && va < KSTACK_END && va == slot_stack(slot));
	pmm_free_frame(paging_kstack_unmap(va));
	spin_lock(&kstack_lock);
	KASSERT(in_use > 0 && nfree < KSTACK_SLOTS);
	free_slots[nfree++] = (uint16_t)slot;
	in_use--;
	spin_unlock(&kstack_lock);
}

void *kstack_guarded_by(vaddr_t addr)
{
	if (addr < KSTACK_BASE || addr >= KSTACK_END ||
	    ((addr - KSTACK_BASE) / PAGE_SIZE) % 2 != 0)
		return NULL;
	return (void *)(PAGE_ROUND_DOWN(addr) + PAGE_SIZE);
}

unsigned kstack_in_use(void)
{
	return in_use;
}
