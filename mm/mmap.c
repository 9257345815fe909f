/* mm/mmap.c: mmap, munmap, mprotect and brk. mmap chooses an address
 * (Linux's top-down layout), checks the arguments in Linux's order, makes
 * one VMA and returns: no page is mapped until it is touched, unless
 * MAP_POPULATE asks for it. */
#include "mm/mmap.h"

#include "fs/file.h"
#include "kernel/proc.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "mm/fault.h"
#include "mm/pmm.h"
#include "mm/shmem.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"

/* ---- Choosing an address ---------------------------------------------- */

/* The highest start in [low, high) where size bytes fit, or 0. Gaps are
 * visited from high down, between consecutive VMAs. */
static vaddr_t find_topdown(const struct address_space *as, uint32_t size,
			    vaddr_t low, vaddr_t high)
{
	struct vma *above = vma_find_from(&as->vmas, high);
	struct vma *below = above ? vma_prev(above) : vma_last(&as->vmas);
	vaddr_t top = above && above->start < high ? above->start : high;

	for (;;) {
		vaddr_t gap_top = top;
		if (above && (above->flags & VMA_GROWSDOWN)) {
			vaddr_t limit = above->start > STACK_GUARD_GAP
						? above->start - STACK_GUARD_GAP : 0;
			gap_top = limit < top ? limit : top;
		}
		vaddr_t gap_bottom = below && below->end > low ? below->end : low;
		if (gap_top > gap_bottom && gap_top - gap_bottom >= size)
			return gap_top - size;
		if (!below || below->start <= low)
			return 0;
		above = below;
		top = below->start;
		below = vma_prev(below);
	}
}

/* The lowest start at or above low where size bytes fit, or 0. */
static vaddr_t find_bottomup(const struct address_space *as, uint32_t size,
			     vaddr_t low)
{
	vaddr_t at = low;
	for (struct vma *v = vma_find_from(&as->vmas, low);; v = vma_next(v)) {
		vaddr_t limit = v ? v->start : USER_TOP;
		if (v && (v->flags & VMA_GROWSDOWN))
			limit = limit > STACK_GUARD_GAP ? limit - STACK_GUARD_GAP : 0;
		if (limit > at && limit - at >= size)
			return at;
		if (!v)
			return 0;
		if (v->end > at)
			at = v->end;
	}
}

vaddr_t mm_unmapped_area(const struct address_space *as, vaddr_t hint,
			 uint32_t size)
{
	hint = PAGE_ROUND_DOWN(hint);
	if (hint >= MMAP_MIN_ADDR && hint <= USER_TOP - size &&
	    as_range_free(as, hint, hint + size))
		return hint;
	vaddr_t a = find_topdown(as, size, MMAP_MIN_ADDR, MMAP_BASE);
	return a ? a : find_bottomup(as, size, MMAP_LEGACY_BASE);
}

/* ---- mmap ------------------------------------------------------------- */

unsigned mm_prot_to_vma(unsigned prot)
{
	unsigned p = (prot & PROT_READ ? VMA_READ : 0) |
		     (prot & PROT_WRITE ? VMA_WRITE : 0) |
		     (prot & PROT_EXEC ? VMA_EXEC : 0);
	return p & (VMA_WRITE | VMA_EXEC) ? p | VMA_READ : p;
}

/* The address the mapping goes to, as Linux's __get_unmapped_area, or
 * -errno. */
static long place(const struct address_space *as, vaddr_t addr, uint32_t size,
		  unsigned flags)
{
	if (size > USER_TOP)
		return -ENOMEM;
	if (!(flags & MAP_FIXED)) {
		vaddr_t a = mm_unmapped_area(as, addr, size);
		return a ? (long)a : -ENOMEM;
	}
	if (addr > USER_TOP - size)
		return -ENOMEM;
	if (addr % PAGE_SIZE)
		return -EINVAL;
	if (addr < MMAP_MIN_ADDR)
		return -EPERM;  /* vm.mmap_min_addr, for a non-root process */
	return addr;
}

/* Overcommit as Linux's default heuristic (vm.overcommit_memory = 0): a
 * mapping that may need frames of its own (private writable, or shared
 * anonymous) and is bigger than all of RAM fails at once, unless
 * MAP_NORESERVE. A shared file mapping's pages are the file's. */
static bool too_big(uint32_t size, unsigned prot, unsigned flags, bool file)
{
	bool shared = (flags & MAP_TYPE) == MAP_SHARED;
	if (flags & MAP_NORESERVE || (shared && file) ||
	    (!shared && !(prot & PROT_WRITE)))
		return false;
	return size / PAGE_SIZE > pmm_total_count();
}

/* MAP_SHARED_VALIDATE refuses flags outside these (Linux's
 * LEGACY_MAP_MASK plus MAP_FIXED_NOREPLACE). */
#define KNOWN_MAP_FLAGS                                                      \
	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE |              \
	 MAP_EXECUTABLE | MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE |       \
	 MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB |              \
	 MAP_FIXED_NOREPLACE)

/* The VMA kind for a mapping of file with flags, or -errno: do_mmap's
 * checks of the file's access, in Linux's order. */
static int file_kind(const struct mmap_file *file, unsigned prot,
		     unsigned flags, uint32_t size, uint32_t pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (flags & ~KNOWN_MAP_FLAGS)
			return -EOPNOTSUPP;
		/* fall through */
	case MAP_SHARED:
		if ((prot & PROT_WRITE) && !file->writable)
			return -EACCES;
		/* fall through */
	case MAP_PRIVATE:
		if (!file->readable)
			return -EACCES;
		if (!file->vmf)
			return -ENODEV;
		break;
	default:
		return -EINVAL;
	}
	/* pagoda's file offsets are 32 bits (its files are in memory). */
	if (pgoff >= (1u << (32 - PAGE_SHIFT)) ||
	    pgoff * PAGE_SIZE > UINT32_MAX - size)
		return -EOVERFLOW;
	return (flags & MAP_TYPE) == MAP_PRIVATE ? VMA_FILE_PRIVATE
						 : VMA_FILE_SHARED;
}

/* Merge v with the VMAs on either side if they are alike (Linux shows
 * two adjacent anonymous mappings as one). */
static void merge_around(struct address_space *as, struct vma *v)
{
	struct vma *next = vma_next(v), *prev = vma_prev(v);
	if (next && vma_can_merge(v, next))
		vma_merge(&as->vmas, v, next);
	if (prev && vma_can_merge(prev, v))
		vma_merge(&as->vmas, prev, v);
}

/* Fault in every page of [start, end) now, as a write for a private
 * writable mapping (so copy-on-write is broken now too). Failures are
 * ignored, as Linux's mm_populate: the page faults again when touched. */
static void populate(struct address_space *as, vaddr_t start, vaddr_t end,
		     unsigned prot, unsigned flags)
{
	unsigned access = (prot & PROT_WRITE) &&
				  (flags & MAP_TYPE) == MAP_PRIVATE ? FAULT_WRITE : 0;
	for (vaddr_t a = start; a < end; a += PAGE_SIZE)
		if (vm_fault(as, a, access) != VM_FAULT_OK)
			return;
}

/* The VMA for [addr, addr + size) of kind, not yet in the tree: for a
 * file, from page pgoff on; for shared anonymous memory, a new object. */
static struct vma *new_vma(vaddr_t addr, uint32_t size, unsigned prot,
			   unsigned flags, enum vma_kind kind,
			   const struct mmap_file *file, uint32_t pgoff)
{
	struct vma *v = vma_create(addr, addr + size, mm_prot_to_vma(prot), kind);
	if (!v)
		return NULL;
	if (flags & MAP_GROWSDOWN)
		v->flags |= VMA_GROWSDOWN;
	if (file) {
		v->file = vm_file_get(file->vmf);
		v->file_offset = pgoff * PAGE_SIZE;
		v->file_bytes = size;  /* all file: past its end is SIGBUS */
		if (kind == VMA_FILE_SHARED && !file->writable)
			v->flags |= VMA_NOMAYWRITE;
	}
	if (kind == VMA_ANON_SHARED && !(v->shm = shmem_create(size / PAGE_SIZE))) {
		vma_destroy(v);
		return NULL;
	}
	return v;
}

long mm_mmap(struct address_space *as, vaddr_t addr, uint32_t len,
	     unsigned prot, unsigned flags, const struct mmap_file *file,
	     uint32_t pgoff)
{
	if (!len)
		return -EINVAL;
	if (!(flags & MAP_FIXED) && addr && addr < MMAP_MIN_ADDR)
		addr = MMAP_MIN_ADDR;  /* Linux's round_hint_to_min */
	uint32_t size = PAGE_ROUND_UP(len);
	if (!size)
		return -ENOMEM;
	if (pgoff + size / PAGE_SIZE < pgoff)
		return -EOVERFLOW;
	if (as->vmas.count >= MAX_MAP_COUNT)
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	long at = place(as, addr, size, flags);
	if (mm_is_err(at))
		return at;
	addr = (vaddr_t)at;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    (vma_find_from(&as->vmas, addr) &&
	     vma_find_from(&as->vmas, addr)->start < addr + size))
		return -EEXIST;
	unsigned type = flags & MAP_TYPE;
	int kind;
	if (file) {
		kind = file_kind(file, prot, flags, size, pgoff);
		if (kind < 0)
			return kind;
	} else {
		if (type != MAP_SHARED && type != MAP_PRIVATE)
			return -EINVAL;
		if (type == MAP_SHARED && (flags & MAP_GROWSDOWN))
			return -EINVAL;
		kind = type == MAP_SHARED ? VMA_ANON_SHARED : VMA_ANON;
	}
	if (too_big(size, prot, flags, file != NULL))
		return -ENOMEM;

	struct vma *v = new_vma(addr, size, prot, flags, kind, file, pgoff);
	if (!v)
		return -ENOMEM;
	/* Only now, when nothing else can fail but a split, replace what a
	 * MAP_FIXED mapping lands on. */
	if ((flags & MAP_FIXED) && as_unmap(as, addr, addr + size) < 0) {
		vma_destroy(v);
		return -ENOMEM;
	}
	int err = as_insert_vma(as, v);
	if (err) {  /* the range was checked free or just emptied */
		vma_destroy(v);
		return err;
	}
	merge_around(as, v);
	if (flags & (MAP_POPULATE | MAP_LOCKED))
		populate(as, addr, addr + size, prot, flags);
	return addr;
}

long sys_mmap2(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags,
	       uint32_t fd, uint32_t pgoff)
{
	struct proc *p = proc_current();
	if (flags & MAP_ANONYMOUS)
		return mm_mmap(p->as, addr, len, prot, flags, NULL, pgoff);
	struct file *f = fd_get(p->files, (int)fd);
	if (!f)
		return -EBADF;
	unsigned mode = f->flags & O_ACCMODE;
	struct mmap_file mf = { file_vm_file(f), mode != O_WRONLY,
				mode != O_RDONLY };
	long r = mm_mmap(p->as, addr, len, prot, flags, &mf, pgoff);
	file_put(f);
	return r;
}

long sys_old_mmap(uint32_t uargs, uint32_t a2, uint32_t a3, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	struct mmap_arg_struct a;
	if (copy_from_user(&a, (const void *)uargs, sizeof(a)) < 0)
		return -EFAULT;
	if (a.offset % PAGE_SIZE)
		return -EINVAL;
	return sys_mmap2(a.addr, a.len, a.prot, a.flags, a.fd,
			 a.offset / PAGE_SIZE);
}

long sys_munmap(uint32_t addr, uint32_t len, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	if (addr % PAGE_SIZE || addr > USER_TOP || len > USER_TOP - addr)
		return -EINVAL;
	len = PAGE_ROUND_UP(len);
	if (!len)
		return -EINVAL;
	return as_unmap(proc_current()->as, addr, addr + len);
}

/* ---- mprotect and brk ------------------------------------------------- */

long sys_mprotect(uint32_t start, uint32_t len, uint32_t prot, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	struct address_space *as = proc_current()->as;
	unsigned grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP) || start % PAGE_SIZE)
		return -EINVAL;
	if (len == 0)
		return 0;
	uint32_t end = PAGE_ROUND_UP(start + len);
	if (end <= start)  /* wrapped */
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	if (end > USER_TOP)
		return -ENOMEM;
	struct vma *v = vma_find(&as->vmas, start);
	if (!v)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		/* The change reaches down to the start of the stack VMA. */
		if (!(v->flags & VMA_GROWSDOWN))
			return -EINVAL;
		start = v->start;
	} else if (grows) {
		return -EINVAL;  /* no VMA grows up on x86 */
	}
	return as_protect(as, start, end, mm_prot_to_vma(prot));
}

long sys_brk(uint32_t want, uint32_t a2, uint32_t a3, uint32_t a4,
	     uint32_t a5, uint32_t a6)
{
	return as_brk(proc_current()->as, want);
}
