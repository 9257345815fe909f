/* mm/check.c: the address-space checker and the runs of every checker
 * (mm/check.h). */
#include "mm/check.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "mm/vmm.h"

bool mm_check_syscalls;

struct page_walk {
	const struct address_space *as;
	const char *why;
	unsigned long where, present;
};

static int check_page(vaddr_t va, paddr_t frame, unsigned flags, void *arg)
{
	struct page_walk *w = arg;
	const struct vma *v = vma_find(&w->as->vmas, va);
	w->where = va;
	if (!v)
		return w->why = "a present page lies in no VMA", -1;
	/* PROT_NONE keeps its pages, mapped for the kernel only */
	if (!(flags & VMM_USER) && v->prot != 0)
		return w->why = "a page of an accessible VMA is kernel-only", -1;
	if ((flags & VMM_WRITE) && !(v->prot & VMA_WRITE))
		return w->why = "a page is writable in a read-only VMA", -1;
	if (pmm_frame_refcount(frame) == 0)
		return w->why = "a page maps a free or reserved frame", -1;
	w->present++;
	return 0;
}

int as_check(const struct address_space *as, const char **why,
	     unsigned long *where)
{
	*where = 0;
	if (vma_tree_check(&as->vmas, why))
		return -1;
	struct page_walk w = { as, NULL, 0, 0 };
	bool irq = irq_save();
	int r = vmm_for_each_user_page(as->pd, check_page, &w);
	irq_restore(irq);
	if (r) {
		*why = w.why;
		*where = w.where;
		return -1;
	}
	if (w.present != as->resident)
		return *why = "the resident count disagrees with the page tables", -1;
	return 0;
}

static int report(const char *when, const char *what, const char *why,
		  unsigned long where)
{
	kprintf("invariant broken after %s: %s: %s", when, what, why);
	if (where)
		kprintf(" (at %08lx)", where);
	kprintf("\n");
	return -1;
}

struct all_ctx {
	const char *when;
	int r;
};

static void check_one(struct address_space *as, void *arg)
{
	struct all_ctx *c = arg;
	const char *why;
	unsigned long where;
	if (!c->r && as_check(as, &why, &where))
		c->r = report(c->when, "address space", why, where);
}

#define MISMATCHES_SHOWN 4

int mm_check_frame_refs(const char *when)
{
	struct frame_mismatch m[MISMATCHES_SHOWN];
	const char *why;
	int n = frames_check(m, MISMATCHES_SHOWN, &why);
	if (why)
		report(when, "frame references", why, 0);
	if (n > 0) {
		kprintf("invariant broken after %s: ", when);
		frames_report(m, n, MISMATCHES_SHOWN);
	}
	return n ? -1 : 0;
}

int mm_check_all(const char *when)
{
	const char *why;
	if (pmm_check(&why))
		return report(when, "frames", why, 0);
	if (kheap_check(&why))
		return report(when, "heap", why, 0);
	struct all_ctx c = { when, 0 };
	as_for_each(check_one, &c);
	return c.r ? c.r : mm_check_frame_refs(when);
}

void mm_check_syscall(unsigned nr)
{
	const char *why = NULL;
	unsigned long where = 0;
	const char *what = "frames";
	struct address_space *as = as_current();
	if (!pmm_check(&why) && (what = "heap", !kheap_check(&why)) &&
	    (what = "address space", !as || !as_check(as, &why, &where))) {
		if (mm_check_frame_refs("a system call"))
			panic("invariant broken after system call %u: frame "
			      "references (above)", nr);
		return;
	}
	panic("invariant broken after system call %u: %s: %s (at %08lx)", nr,
	      what, why, where);
}
