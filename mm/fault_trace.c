/* mm/fault_trace.c: trace=fault. Resolves a fault with vm_fault() and
 * prints what happened, read from the page tables and VMAs before and
 * after: the resolver itself carries no tracing (docs/trace.md). */
#include "mm/fault.h"

#include "kernel/lib/format.h"
#include "kernel/proc.h"
#include "kernel/trace.h"
#include "mm/pmm.h"
#include "mm/vm_file.h"
#include "mm/vma.h"
#include "mm/vmm.h"

/* The page table entry of one page, as it was. */
struct pte_view {
	bool present;
	paddr_t frame;
	unsigned flags;
};

static struct pte_view view(const struct address_space *as, vaddr_t page)
{
	struct pte_view w = { false, 0, 0 };
	w.present = vmm_query(as->pd, page, &w.frame, &w.flags);
	return w;
}

static const char *failure(enum vm_fault_result r, unsigned access)
{
	if (!(access & FAULT_USER))
		return "efault";  /* a user copy ends with -EFAULT */
	return r == VM_FAULT_SIGBUS ? "sigbus"
	       : r == VM_FAULT_OOM ? "oom-kill" : "sigsegv";
}

/* What resolved a fault on a page that was not present: a zero page, a
 * page-cache frame or a private copy of file bytes. */
static const char *filled(const struct vma *v, vaddr_t page, paddr_t frame)
{
	if (v->kind == VMA_ANON)
		return "zero-page";
	if (v->kind == VMA_ANON_SHARED)
		return "shared-page";
	if (page - v->start >= v->file_bytes)
		return "zero-page";  /* past the file data: the bss part */
	/* A page-cache frame has the cache's reference too; a private copy
	 * is this mapping's alone. */
	return pmm_frame_refcount(frame) > 1 ? "file-page" : "private-copy";
}

static const char *outcome(const struct vma *v, vaddr_t page,
			   struct pte_view before, struct pte_view after)
{
	if (!before.present)
		return filled(v, page, after.frame);
	if (before.frame != after.frame)
		return "cow-copy";
	if (!(before.flags & VMM_WRITE) && (after.flags & VMM_WRITE))
		return vma_is_shared(v) ? "write-enable" : "cow-upgrade";
	return "spurious";  /* another thread resolved it first */
}

static const char *access_word(unsigned access)
{
	return access & FAULT_WRITE ? "write"
	       : access & FAULT_EXEC ? "exec" : "read";
}

/* " vma=START-END PERMS NAME" of v, or " vma=none", into buf. */
static const char *vma_words(const struct vma *v, char *buf, unsigned size)
{
	if (!v)
		return " vma=none";
	ksnprintf(buf, size, " vma=%08x-%08x %c%c%c%c %s", v->start, v->end,
		  v->prot & VMA_READ ? 'r' : '-', v->prot & VMA_WRITE ? 'w' : '-',
		  v->prot & VMA_EXEC ? 'x' : '-', vma_is_shared(v) ? 's' : 'p',
		  trace_vma_name(v));
	return buf;
}

static const char *reason(enum vm_fault_result r)
{
	return r == VM_FAULT_NOMAP ? "no-mapping" : r == VM_FAULT_PROT ? "protection"
	       : r == VM_FAULT_OOM ? "out-of-memory" : "past-end-of-object";
}

enum vm_fault_result vm_fault_traced(struct address_space *as, vaddr_t addr,
				     unsigned access)
{
	struct proc *p = proc_current();
	if (!trace_wants(p, TRACE_FAULT))
		return vm_fault(as, addr, access);
	vaddr_t page = PAGE_ROUND_DOWN(addr);
	bool user_addr = addr < USER_TOP;
	struct vma *v0 = user_addr ? vma_find(&as->vmas, addr) : NULL;
	struct pte_view before = { false, 0, 0 };
	if (user_addr)
		before = view(as, page);
	enum vm_fault_result r = vm_fault(as, addr, access);
	struct vma *v = user_addr ? vma_find(&as->vmas, addr) : NULL;
	int pid = p ? p->pid : 0;
	const char *who = access & FAULT_USER ? "user" : "kernel";
	char buf[80];  /* the VMA's words; a long path is cut */
	if (r != VM_FAULT_OK) {
		trace_emit("pid=%d fault %08x %s %s -> %s reason=%s%s", pid, addr,
			   access_word(access), who, failure(r, access),
			   reason(r), vma_words(v, buf, sizeof(buf)));
		return r;
	}
	struct pte_view after = view(as, page);
	trace_emit("pid=%d fault %08x %s %s -> %s frame=%08x%s", pid, addr,
		   access_word(access), who,
		   v0 ? outcome(v, page, before, after) : "stack-growth",
		   after.frame, vma_words(v, buf, sizeof(buf)));
	return r;
}
