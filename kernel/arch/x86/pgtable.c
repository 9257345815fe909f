/* kernel/arch/x86/pgtable.c: the user half of x86 page tables, behind the
 * portable interface of mm/vmm.h. Page directories and page tables are
 * lowmem frames, reached through the direct map. */
#include "mm/vmm.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/arch/x86/mmu.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/uapi/errno.h"
#include "mm/pmm.h"
#include "mm/vmstat.h"

static pde_t *pd_of(paddr_t pd)
{
	return P2V(pd);
}

paddr_t vmm_create(void)
{
	paddr_t pd = pmm_alloc_frame(PMM_LOWMEM);
	if (!pd)
		return 0;
	pde_t *d = pd_of(pd);
	memset(d, 0, KERNEL_PDE_FIRST * sizeof(pde_t));
	memcpy(&d[KERNEL_PDE_FIRST], &kernel_pd[KERNEL_PDE_FIRST],
	       (1024 - KERNEL_PDE_FIRST) * sizeof(pde_t));
	return pd;
}

void vmm_destroy(paddr_t pd)
{
	KASSERT(pd != vmm_current());
	vmm_unmap_range(pd, 0, USER_TOP);
	pmm_free_frame(pd);
}

void vmm_switch(paddr_t pd)
{
	write_cr3(pd);
	vmstat_inc(VM_TLB_FLUSH_ALL);
}

paddr_t vmm_current(void)
{
	return read_cr3() & PAGE_MASK;
}

paddr_t vmm_kernel_pd(void)
{
	return V2P(kernel_pd);
}

/* The PTE for va, or NULL if its page table does not exist and create is
 * false or no frame is left for it. */
static pte_t *walk(paddr_t pd, vaddr_t va, bool create)
{
	pde_t *pde = &pd_of(pd)[PDX(va)];
	if (!(*pde & PTE_P)) {
		if (!create)
			return NULL;
		paddr_t pt = pmm_alloc_frame(PMM_LOWMEM | PMM_ZERO);
		if (!pt)
			return NULL;
		vmstat_inc(VM_PGTABLES_MADE);
		/* Permissions are decided per page; the PDE allows everything. */
		*pde = pt | PTE_P | PTE_W | PTE_U;
	}
	pte_t *pt = P2V(PTE_ADDR(*pde));
	return &pt[PTX(va)];
}

static void flush_page(paddr_t pd, vaddr_t va)
{
	if (pd == vmm_current()) {
		invlpg(va);
		vmstat_inc(VM_TLB_FLUSH_PAGE);
	}
}

int vmm_map(paddr_t pd, vaddr_t va, paddr_t frame, unsigned flags)
{
	KASSERT(va < USER_TOP && va % PAGE_SIZE == 0);
	pte_t *pte = walk(pd, va, true);
	if (!pte)
		return -ENOMEM;
	bool was_present = *pte & PTE_P;
	*pte = frame | PTE_P | (flags & VMM_USER ? PTE_U : 0) |
	       (flags & VMM_WRITE ? PTE_W : 0);
	if (was_present)
		flush_page(pd, va);
	return 0;
}

int vmm_map_new(paddr_t pd, vaddr_t va, paddr_t frame, unsigned flags)
{
	KASSERT(va < USER_TOP && va % PAGE_SIZE == 0);
	pte_t *pte = walk(pd, va, true);
	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		return -EEXIST;
	*pte = frame | PTE_P | (flags & VMM_USER ? PTE_U : 0) |
	       (flags & VMM_WRITE ? PTE_W : 0);
	return 0;  /* it was absent: no TLB holds it */
}

paddr_t vmm_unmap(paddr_t pd, vaddr_t va)
{
	pte_t *pte = walk(pd, va, false);
	if (!pte || !(*pte & PTE_P))
		return 0;
	paddr_t frame = PTE_ADDR(*pte);
	*pte = 0;
	flush_page(pd, va);
	return frame;
}

bool vmm_query(paddr_t pd, vaddr_t va, paddr_t *frame, unsigned *flags)
{
	pte_t *pte = walk(pd, va, false);
	if (!pte || !(*pte & PTE_P))
		return false;
	if (frame)
		*frame = PTE_ADDR(*pte);
	if (flags)
		*flags = (*pte & PTE_U ? VMM_USER : 0) | (*pte & PTE_W ? VMM_WRITE : 0);
	return true;
}

/* The first used entry of e[0..n), or n. */
static unsigned first_used(const uint32_t *e, unsigned n)
{
	return (unsigned)words_first_nonzero(e, n);
}

/* Unmap entries [first, last) of one page table; true if the table is
 * empty after. Only the used entries are visited. */
static bool unmap_in_table(pte_t *pt, unsigned first, unsigned last,
			   unsigned *count)
{
	for (unsigned i = first; i < last; i++) {
		if (!pt[i] && (i += first_used(pt + i, last - i)) == last)
			break;  /* jumped over an empty stretch to its end */
		if (pt[i] & PTE_P) {
			pmm_free_frame(PTE_ADDR(pt[i]));
			(*count)++;
		}
		pt[i] = 0;
	}
	if (first == 0 && last == 1024)
		return true;
	return first_used(pt, 1024) == 1024;
}

unsigned vmm_unmap_range(paddr_t pd, vaddr_t start, vaddr_t end)
{
	KASSERT(start <= end && end <= USER_TOP);
	if (start == end)
		return 0;
	pde_t *d = pd_of(pd);
	unsigned count = 0, last_pde = PDX(end - 1);
	bool freed_table = false;

	/* Most of user space is empty: jump from one used entry to the next */
	for (unsigned i = PDX(start) + first_used(&d[PDX(start)],
						  last_pde + 1 - PDX(start));
	     i <= last_pde; i += 1 + first_used(&d[i + 1], last_pde - i)) {
		if (!(d[i] & PTE_P))
			continue;
		unsigned first = i == PDX(start) ? PTX(start) : 0;
		unsigned last = i == last_pde ? PTX(end - 1) + 1 : 1024;
		if (unmap_in_table(P2V(PTE_ADDR(d[i])), first, last, &count)) {
			pmm_free_frame(PTE_ADDR(d[i]));
			d[i] = 0;
			freed_table = true;
		}
	}
	if ((count || freed_table) && pd == vmm_current()) {
		write_cr3(pd);  /* one bulk flush */
		vmstat_inc(VM_TLB_FLUSH_ALL);
	}
	return count;
}

/* Share the present entries [first, last) of the page table src, which
 * maps the 4 MiB at base, into to. Counts the pages shared in *count; sets
 * *protected when a writable entry of src became read-only. */
static int share_table(pte_t *src, vaddr_t base, unsigned first,
		       unsigned last, paddr_t to, bool cow, int *count,
		       bool *protected)
{
	pte_t *dst = NULL;
	for (unsigned i = first; i < last; i++) {
		if (!(src[i] & PTE_P))
			continue;
		if (!dst) {  /* the child's table, made on the first page */
			pte_t *pte = walk(to, base + i * PAGE_SIZE, true);
			if (!pte)
				return -ENOMEM;
			dst = pte - i;
		}
		KASSERT(!(dst[i] & PTE_P));  /* to has nothing mapped here */
		/* LAB(cow.share) begin: copy-on-write: both sides read-only */
		if (cow && (src[i] & PTE_W)) {
			src[i] &= ~PTE_W;
			*protected = true;
		}
		/* LAB(cow.share) end */
		pmm_ref_frame(PTE_ADDR(src[i]));
		dst[i] = src[i] & (PAGE_MASK | PTE_P | PTE_W | PTE_U);
		(*count)++;
	}
	return 0;
}

int vmm_share_range(paddr_t from, paddr_t to, vaddr_t start, vaddr_t end,
		    bool cow)
{
	KASSERT(start <= end && end <= USER_TOP);
	KASSERT(start % PAGE_SIZE == 0 && end % PAGE_SIZE == 0);
	if (start == end)
		return 0;
	pde_t *d = pd_of(from);
	unsigned last_pde = PDX(end - 1);
	int count = 0, err = 0;
	bool protected = false;

	for (unsigned i = PDX(start); i <= last_pde && !err; i++) {
		if (!(d[i] & PTE_P))
			continue;
		unsigned first = i == PDX(start) ? PTX(start) : 0;
		unsigned last = i == last_pde ? PTX(end - 1) + 1 : 1024;
		err = share_table(P2V(PTE_ADDR(d[i])), i * PDE_SPAN, first, last,
				  to, cow, &count, &protected);
	}
	/* Even on failure: the entries made read-only so far stay so. */
	if (protected && from == vmm_current()) {
		write_cr3(from);  /* one bulk flush */
		vmstat_inc(VM_TLB_FLUSH_ALL);
	}
	vmstat_add(VM_PAGES_SHARED, (uint32_t)count);
	return err ? err : count;
}

void vmm_protect_range(paddr_t pd, vaddr_t start, vaddr_t end, unsigned flags)
{
	KASSERT(start <= end && end <= USER_TOP);
	bool changed = false;
	for (vaddr_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = walk(pd, va, false);
		if (!pte || !(*pte & PTE_P)) {
			if (!pte)  /* no page table: skip to the next 4 MiB */
				va = (va | (PDE_SPAN - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		pte_t old = *pte;
		if (!(flags & VMM_WRITE))
			*pte &= ~PTE_W;
		*pte = flags & VMM_USER ? *pte | PTE_U : *pte & ~PTE_U;
		changed |= *pte != old;
	}
	if (changed && pd == vmm_current()) {
		write_cr3(pd);
		vmstat_inc(VM_TLB_FLUSH_ALL);
	}
}

int vmm_for_each_user_page(paddr_t pd, int (*fn)(vaddr_t va, paddr_t frame,
						 unsigned flags, void *arg),
			   void *arg)
{
	const pde_t *d = pd_of(pd);
	for (unsigned i = 0; i < KERNEL_PDE_FIRST; i++) {
		if (!(d[i] & PTE_P))
			continue;
		const pte_t *pt = P2V(PTE_ADDR(d[i]));
		for (unsigned j = 0; j < 1024; j++) {
			pte_t e = pt[j];
			if (!(e & PTE_P))
				continue;
			unsigned flags = (e & PTE_U ? VMM_USER : 0) |
					 (e & PTE_W ? VMM_WRITE : 0);
			int r = fn(i * PDE_SPAN + j * PAGE_SIZE, PTE_ADDR(e),
				   flags, arg);
			if (r)
				return r;
		}
	}
	return 0;
}

void vmm_for_each_table(paddr_t pd, void (*fn)(paddr_t frame, void *arg),
			void *arg)
{
	const pde_t *d = pd_of(pd);
	fn(pd, arg);
	for (unsigned i = 0; i < KERNEL_PDE_FIRST; i++)
		if (d[i] & PTE_P)
			fn(PTE_ADDR(d[i]), arg);
}
