/* mm/fault.c: the page-fault resolver. Finds the VMA for the faulting
 * address and fills the page the way the VMA says: zeros, a file page
 * (shared through the page cache, or a private copy), a copy-on-write
 * break, or a stack that grows down. */
#include "mm/fault.h"

#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/uapi/errno.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "mm/shmem.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"
#include "mm/vmstat.h"

static unsigned map_flags(const struct vma *v)
{
	return VMM_USER | (v->prot & VMA_WRITE ? VMM_WRITE : 0);
}

static enum vm_fault_result install(struct address_space *as, vaddr_t page,
				    paddr_t frame, unsigned flags)
{
	if (vmm_map(as->pd, page, frame, flags) < 0) {
		pmm_free_frame(frame);  /* no page table: give the frame back */
		return VM_FAULT_OOM;
	}
	as->resident++;
	as->minor_faults++;
	return VM_FAULT_OK;
}

/* A fresh zeroed frame at page of anonymous VMA v, which the fault found
 * absent (one page-table walk: vmm_map_new). */
static enum vm_fault_result fault_anon(struct address_space *as,
				       const struct vma *v, vaddr_t page)
{
	paddr_t frame = pmm_alloc_frame(PMM_ZERO);
	if (!frame)
		return VM_FAULT_OOM;
	int r = vmm_map_new(as->pd, page, frame, map_flags(v));
	if (r < 0) {
		pmm_free_frame(frame);
		return r == -EEXIST ? VM_FAULT_OK : VM_FAULT_OOM;
	}
	as->resident++;
	as->minor_faults++;
	vmstat_inc(VM_FAULT_ANON);
	return VM_FAULT_OK;
}

/* A private frame holding the VMA's file bytes for page (n of them, n <
 * PAGE_SIZE when the file data ends inside it) and zeros after them. The
 * bytes come from the page cache, so a private copy sees what write()
 * wrote to the file. */
static enum vm_fault_result fault_private_copy(struct address_space *as,
					       const struct vma *v, vaddr_t page,
					       uint32_t n)
{
	uint32_t off = v->file_offset + (page - v->start);
	if (off >= v->file->size)        /* never for a validated ELF, but a */
		n = 0;                   /* VMA must not read past its file */
	else if (n > v->file->size - off)
		n = v->file->size - off;
	paddr_t src = 0;
	if (n && !(src = pagecache_get(v->file, off / PAGE_SIZE)))
		return VM_FAULT_OOM;
	paddr_t frame = pmm_alloc_frame(0);
	if (!frame) {
		if (src)
			pmm_free_frame(src);
		return VM_FAULT_OOM;
	}
	uint8_t *p = kmap(frame);
	if (n) {
		uint8_t *q = kmap(src);
		memcpy(p, q, n);
		kunmap(q);
		pmm_free_frame(src);  /* our reference; the cache keeps its own */
	}
	memset(p + n, 0, PAGE_SIZE - n);
	kunmap(p);
	vmstat_inc(VM_FAULT_FILE_COPY);
	if (n)
		vmstat_inc(VM_PAGES_COPIED);
	return install(as, page, frame, map_flags(v));
}

/* The page-cache frame for the file page at page, marked dirty when the
 * mapping can write it (a shared writable mapping's writes must outlive
 * the mapping); 0 when out of memory. */
static paddr_t file_page(const struct vma *v, vaddr_t page)
{
	uint32_t index = (v->file_offset + (page - v->start)) / PAGE_SIZE;
	if (v->kind == VMA_FILE_SHARED && (v->prot & VMA_WRITE))
		return pagecache_get_dirty(v->file, index);
	return pagecache_get(v->file, index);
}

static enum vm_fault_result fault_file(struct address_space *as,
				       const struct vma *v, vaddr_t page,
				       unsigned access)
{
	uint32_t in_vma = page - v->start;
	if (in_vma >= v->file_bytes)     /* wholly past the file data: zeros */
		return fault_private_copy(as, v, page, 0);
	/* A page of file data that the file no longer reaches (truncated
	 * under the mapping, or mapped past its end): a bus error, as Linux. */
	if (v->file_offset + in_vma >= PAGE_ROUND_UP(v->file->size))
		return VM_FAULT_SIGBUS;
	uint32_t n = v->file_bytes - in_vma;
	/* A page where the file data ends must read as zeros after it, which
	 * a shared cache page cannot promise: it gets a private copy, as does
	 * the first write to a private mapping. */
	if (n < PAGE_SIZE ||
	    (v->kind == VMA_FILE_PRIVATE && (access & FAULT_WRITE)))
		return fault_private_copy(as, v, page, n < PAGE_SIZE ? n : PAGE_SIZE);
	if (v->kind == VMA_FILE_SHARED && (access & FAULT_WRITE))
		vm_file_written(v->file);

	/* LAB(mmap.share) begin: file pages mapped from the page cache (labs/mmap) */
	paddr_t frame = file_page(v, page);
	if (!frame)
		return VM_FAULT_OOM;
	/* A private mapping shares the cache page read-only until written. */
	unsigned flags = v->kind == VMA_FILE_SHARED ? map_flags(v) : VMM_USER;
	vmstat_inc(VM_FAULT_FILE);
	return install(as, page, frame, flags);
	/* LAB(mmap.share) end */
}

/* A page of a shared anonymous mapping: the object's frame, mapped as the
 * VMA allows, so every mapping of the object sees the same bytes. */
static enum vm_fault_result fault_shmem(struct address_space *as,
					const struct vma *v, vaddr_t page)
{
	uint32_t index = (v->file_offset + (page - v->start)) / PAGE_SIZE;
	if (index >= v->shm->pages)
		return VM_FAULT_SIGBUS;  /* grown past the object by mremap */
	paddr_t frame = shmem_page(v->shm, index);
	if (!frame)
		return VM_FAULT_OOM;
	vmstat_inc(VM_FAULT_SHMEM);
	return install(as, page, frame, map_flags(v));
}

/* A write to a present, read-only page of a writable VMA. In a shared
 * mapping the page just becomes writable (writes must reach the shared
 * frame). Otherwise the frame is shared (page cache, or another address
 * space after fork), so copy it, unless this mapping is its only user, in
 * which case it simply becomes writable. */
static enum vm_fault_result break_cow(struct address_space *as,
				      const struct vma *v, vaddr_t page,
				      paddr_t old)
{
	if (v->kind == VMA_FILE_SHARED) {
		/* Mark the cache page dirty before the first write lands. */
		if (v->file_offset + (page - v->start) >= PAGE_ROUND_UP(v->file->size))
			return VM_FAULT_SIGBUS;
		paddr_t cached = file_page(v, page);
		if (!cached)
			return VM_FAULT_OOM;
		pmm_free_frame(cached);  /* the mapping holds its own reference */
		vm_file_written(v->file);
	}
	if (vma_is_shared(v) || pmm_frame_refcount(old) == 1) {
		vmstat_inc(VM_FAULT_COW_REUSE);
		vmm_map(as->pd, page, old, VMM_USER | VMM_WRITE);  /* PT exists */
		return VM_FAULT_OK;
	}
	paddr_t frame = pmm_alloc_frame(0);
	if (!frame)
		return VM_FAULT_OOM;
	void *src = kmap(old), *dst = kmap(frame);
	memcpy(dst, src, PAGE_SIZE);
	kunmap(dst);
	kunmap(src);
	vmm_map(as->pd, page, frame, VMM_USER | VMM_WRITE);
	vmstat_inc(VM_FAULT_COW_COPY);
	vmstat_inc(VM_PAGES_COPIED);
	pmm_free_frame(old);  /* this mapping's reference to the shared frame */
	as->minor_faults++;
	return VM_FAULT_OK;
}

/* How far a stack of as may grow: the RLIMIT_STACK of the process it
 * belongs to (Linux's acct_stack_growth), or the default limit for an
 * address space no running process owns (the kernel's tests). */
static uint64_t stack_limit(const struct address_space *as)
{
	struct proc *p = proc_current();
	return p && p->as == as ? rlimit_cur(p, RLIMIT_STACK) : USER_STACK_LIMIT;
}

/* addr is in no VMA: if the VMA just above it is a stack, extend it down
 * to addr's page, unless that passes the stack limit or comes within the
 * guard gap of the VMA below. */
static struct vma *grow_stack(struct address_space *as, vaddr_t addr)
{
	struct vma *stack = vma_find_from(&as->vmas, addr);
	if (!stack || !(stack->flags & VMA_GROWSDOWN))
		return NULL;
	vaddr_t start = PAGE_ROUND_DOWN(addr);
	if (stack->end - start > stack_limit(as))
		return NULL;
	struct vma *below = vma_prev(stack);
	if (below && (start < STACK_GUARD_GAP ||
		      below->end > start - STACK_GUARD_GAP))
		return NULL;
	stack->start = start;  /* still above `below`: the tree order holds */
	return stack;
}

enum vm_fault_result vm_fault(struct address_space *as, vaddr_t addr,
			      unsigned access)
{
	if (addr >= USER_TOP)
		return VM_FAULT_NOMAP;
	struct vma *v = vma_find(&as->vmas, addr);
	if (!v && !(v = grow_stack(as, addr)))
		return VM_FAULT_NOMAP;
	if (!(v->prot & VMA_READ) ||
	    ((access & FAULT_WRITE) && !(v->prot & VMA_WRITE)))
		return VM_FAULT_PROT;

	vaddr_t page = PAGE_ROUND_DOWN(addr);
	if (v->kind == VMA_ANON && !(access & FAULT_PRESENT))
		return fault_anon(as, v, page);  /* the common case: no query */
	paddr_t frame;
	unsigned flags;
	if (vmm_query(as->pd, page, &frame, &flags)) {
		if ((access & FAULT_WRITE) && !(flags & VMM_WRITE))
			return break_cow(as, v, page, frame);
		return VM_FAULT_OK;  /* already resolved: nothing to do */
	}
	if (v->kind == VMA_ANON)
		return fault_anon(as, v, page);
	if (v->kind == VMA_ANON_SHARED)
		return fault_shmem(as, v, page);
	return fault_file(as, v, page, access);
}

const char *vm_fault_result_name(enum vm_fault_result r)
{
	static const char *const names[] = {
		[VM_FAULT_OK] = "ok", [VM_FAULT_NOMAP] = "no mapping",
		[VM_FAULT_PROT] = "protection", [VM_FAULT_OOM] = "out of memory",
		[VM_FAULT_SIGBUS] = "bus error",
	};
	return names[r];
}
