/* mm/as.c: creating, switching, trimming and destroying address spaces. */
#include "mm/as.h"

#include "mm/check.h"

#include "kernel/console.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/uapi/errno.h"
#include "mm/check.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "mm/shmem.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"

static struct address_space *current_as;
static struct address_space *all_spaces;  /* the list of every one */

struct address_space *as_create(void)
{
	struct address_space *as = kzalloc(sizeof(*as));
	if (!as)
		return NULL;
	as->pd = vmm_create();
	if (!as->pd) {
		kfree(as);
		return NULL;
	}
	vma_tree_init(&as->vmas);
	as->users = 1;
	as->all_next = all_spaces;
	if (all_spaces)
		all_spaces->all_prev = as;
	all_spaces = as;
	return as;
}

/* A copy of v (not in a tree), or NULL when out of memory. */
static struct vma *vma_copy(const struct vma *v)
{
	struct vma *c = vma_create(v->start, v->end, v->prot, v->kind);
	if (c) {
		c->flags = v->flags;
		c->file = vm_file_get(v->file);
		c->shm = v->shm;
		if (c->shm)
			shmem_get(c->shm);
		c->file_offset = v->file_offset;
		c->file_bytes = v->file_bytes;
		c->label = v->label;
	}
	return c;
}

/* LAB(cow.fork) begin: the copy-on-write half of fork (labs/cow) */
/* Give child the pages of as that v covers; returns how many, or -ENOMEM.
 * A shared mapping stays shared; in any other the frames are shared
 * read-only, copy-on-write: private to each side from now on, so neither
 * may write in place (break_cow() in mm/fault.c copies at the first
 * write). */
static int fork_pages(struct address_space *as, struct address_space *child,
		      const struct vma *v)
{
	return vmm_share_range(as->pd, child->pd, v->start, v->end,
			       !vma_is_shared(v));
}
/* LAB(cow.fork) end */

struct address_space *as_fork(struct address_space *as)
{
	struct address_space *child = as_create();
	if (!child)
		return NULL;
	child->brk_start = as->brk_start;
	child->arg_start = as->arg_start;
	child->arg_end = as->arg_end;
	child->env_start = as->env_start;
	child->env_end = as->env_end;
	child->brk = as->brk;
	for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v)) {
		struct vma *c = vma_copy(v);
		if (!c)
			goto out_destroy;
		int err = vma_insert(&child->vmas, c);
		KASSERT(err == 0);  /* as's VMAs do not overlap */
		int n = fork_pages(as, child, v);
		if (n < 0)
			goto out_destroy;
		child->resident += (unsigned long)n;
	}
	return child;

out_destroy:
	as_destroy(child);  /* drops the references shared so far */
	return NULL;
}

void as_get(struct address_space *as)
{
	as->users++;  /* one CPU, and only the owner's threads call it */
}

void as_put(struct address_space *as)
{
	if (--as->users == 0)
		as_destroy(as);
}

void as_destroy(struct address_space *as)
{
	KASSERT(as != current_as);
#ifdef PAGODA_DEBUG
	const char *why;
	unsigned long where;
	if (as_check(as, &why, &where))  /* at every process exit */
		panic("invariant broken in an ending address space: %s (at %08lx)",
		      why, where);
	if (mm_check_frame_refs("an address space ended"))
		panic("invariant broken in an ending address space: frame "
		      "references (above)");
#endif
	if (as->all_prev)
		as->all_prev->all_next = as->all_next;
	else
		all_spaces = as->all_next;
	if (as->all_next)
		as->all_next->all_prev = as->all_prev;
	vmm_destroy(as->pd);  /* drops every mapped frame's reference */
	vma_tree_clear(&as->vmas);
	kfree(as);
}

/* Unmap the pages of v that map file offsets at or past cut (page
 * aligned), within v's file data: a page holding the end of a segment's
 * file bytes and its bss stays, as do the zero pages after it. */
static void unmap_file_past(struct address_space *as, struct vma *v,
			    uint32_t cut)
{
	uint32_t data_end = PAGE_ROUND_DOWN(v->file_bytes);
	uint32_t from = cut > v->file_offset ? cut - v->file_offset : 0;
	if (from >= data_end)
		return;
	as->resident -= vmm_unmap_range(as->pd, v->start + from,
					v->start + data_end);
}

void as_unmap_file_past(const struct vm_file *file, uint32_t size)
{
	uint32_t cut = size > PAGE_MASK ? PAGE_MASK : PAGE_ROUND_UP(size);
	for (struct address_space *as = all_spaces; as; as = as->all_next)
		for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v))
			if (v->file == file)
				unmap_file_past(as, v, cut);
}

void as_switch(struct address_space *as)
{
	if (as == current_as)
		return;  /* a CR3 write would flush the TLB for nothing */
	current_as = as;
	vmm_switch(as ? as->pd : vmm_kernel_pd());
}

struct address_space *as_current(void)
{
	return current_as;
}

int as_insert_vma(struct address_space *as, struct vma *v)
{
	return vma_insert(&as->vmas, v);
}

int as_unmap(struct address_space *as, vaddr_t start, vaddr_t end)
{
	if (start % PAGE_SIZE || end % PAGE_SIZE || start > end || end > USER_TOP)
		return -EINVAL;
	/* Cut the VMAs straddling either edge first, so a failed split leaves
	 * everything as it was. */
	struct vma *v = vma_find(&as->vmas, start);
	if (v && v->start < start && !vma_split(&as->vmas, v, start))
		return -ENOMEM;
	v = end < USER_TOP ? vma_find(&as->vmas, end) : NULL;
	if (v && v->start < end && !vma_split(&as->vmas, v, end))
		return -ENOMEM;
	for (v = vma_find_from(&as->vmas, start); v && v->start < end;) {
		struct vma *next = vma_next(v);
		as->resident -= vmm_unmap_range(as->pd, v->start, v->end);
		vma_remove(&as->vmas, v);
		vma_destroy(v);
		v = next;
	}
	return 0;
}

/* LAB(procmaps.format) begin: a line of /proc/PID/maps (labs/procmaps) */
static const char *vma_name(const struct vma *v)
{
	if (v->label)
		return v->label;
	if (v->kind == VMA_ANON_SHARED)
		return "/dev/zero (deleted)";  /* Linux's name for it */
	return v->file ? v->file->path : "";
}

/* Linux pads the name to column 25 + sizeof(void *) * 6 (seq_setwidth to
 * one less, then seq_pad adds a space): 49 on a 32-bit kernel, 73 on a
 * 64-bit one. A longer header still gets two spaces before the name. */
#define MAPS_NAME_COLUMN (25 + (int)sizeof(void *) * 6)

int as_format_vma(const struct vma *v, char *buf, size_t size)
{
	const char *name = vma_name(v);
	const struct vm_file *f = v->kind == VMA_ANON_SHARED ? NULL : v->file;
	uint32_t dev = f ? f->dev : 0;
	int n = ksnprintf(buf, size, "%08x-%08x %c%c%c%c %08x %02x:%02x %u",
			  v->start, v->end, v->prot & VMA_READ ? 'r' : '-',
			  v->prot & VMA_WRITE ? 'w' : '-',
			  v->prot & VMA_EXEC ? 'x' : '-',
			  vma_is_shared(v) ? 's' : 'p',
			  v->file || v->shm ? v->file_offset : 0,
			  dev >> 8, dev & 0xff, f ? f->ino : 0);

	if (!*name)
		return n;
	int pad = n + 2 < MAPS_NAME_COLUMN ? MAPS_NAME_COLUMN - n : 2;
	size_t at = (size_t)n < size ? (size_t)n : size;
	return n + ksnprintf(buf + at, size - at, "%*s%s", pad, "", name);
}
/* LAB(procmaps.format) end */

void as_dump(const struct address_space *as, const char *prefix)
{
	if (!prefix)  /* `call as_dump(as, 0)` from gdb */
		prefix = "";
	for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v)) {
		char line[AS_VMA_LINE_MAX];
		as_format_vma(v, line, sizeof(line));
		pr_info("%s%s\n", prefix, line);
	}
	pr_info("%sminor faults %lu, resident pages %lu\n", prefix,
		as->minor_faults, as->resident);
}

/* The [heap] VMA, which ends at the page above the break; NULL while the
 * break is still at its start. */
static struct vma *heap_vma(struct address_space *as)
{
	if (as->brk == as->brk_start)
		return NULL;
	struct vma *v = vma_find(&as->vmas, PAGE_ROUND_UP(as->brk) - 1);
	return v && v->label && strcmp(v->label, "[heap]") == 0 ? v : NULL;
}

bool as_range_free(const struct address_space *as, vaddr_t start, vaddr_t end)
{
	struct vma *next = vma_find_from(&as->vmas, start);
	if (!next)
		return true;
	vaddr_t gap = next->flags & VMA_GROWSDOWN ? STACK_GUARD_GAP : 0;
	return next->start >= end && next->start - end >= gap;
}

/* LAB(lazy.brk) begin: a lazy break (labs/lazy) */
vaddr_t as_brk(struct address_space *as, vaddr_t want)
{
	if (want < as->brk_start || want > USER_TOP - PAGE_SIZE)
		return as->brk;
	vaddr_t old_end = PAGE_ROUND_UP(as->brk), new_end = PAGE_ROUND_UP(want);
	struct vma *heap = heap_vma(as);

	if (new_end > old_end) {
		if (!as_range_free(as, old_end, new_end))
			return as->brk;
		/* Linux's new break area is read-write whatever mprotect did
		 * to the heap below it: extend only a read-write heap. */
		if (heap && heap->prot == (VMA_READ | VMA_WRITE)) {
			heap->end = new_end;  /* the next VMA is above new_end */
		} else {
			heap = vma_create(old_end, new_end, VMA_READ | VMA_WRITE,
					  VMA_ANON);
			if (!heap)
				return as->brk;
			heap->label = "[heap]";
			if (vma_insert(&as->vmas, heap) < 0) {
				vma_destroy(heap);
				return as->brk;
			}
		}
	} else if (new_end < old_end && as_unmap(as, new_end, old_end) < 0) {
		return as->brk;
	}
	as->brk = want;
	return want;
}
/* LAB(lazy.brk) end */

/* True if VMAs cover [start, end) without a hole. */
static bool range_mapped(struct address_space *as, vaddr_t start, vaddr_t end)
{
	vaddr_t at = start;
	for (struct vma *v = vma_find(&as->vmas, start); v && at < end;
	     v = vma_next(v)) {
		if (v->start > at)
			return false;
		at = v->end;
	}
	return at >= end;
}

int as_protect(struct address_space *as, vaddr_t start, vaddr_t end,
	       unsigned prot)
{
	if (!range_mapped(as, start, end))
		return -ENOMEM;
	for (struct vma *w = vma_find(&as->vmas, start); w && w->start < end;
	     w = vma_next(w))
		if ((w->flags & VMA_NOMAYWRITE) && (prot & VMA_WRITE))
			return -EACCES;
	struct vma *v = vma_find(&as->vmas, start);
	if (v->start < start && !vma_split(&as->vmas, v, start))
		return -ENOMEM;
	v = vma_find(&as->vmas, end - 1);
	if (v->end > end && !vma_split(&as->vmas, v, end))
		return -ENOMEM;
	if (prot & (VMA_WRITE | VMA_EXEC))
		prot |= VMA_READ;  /* x86 pages cannot be write- or exec-only */
	unsigned flags = (prot & VMA_READ ? VMM_USER : 0) |
			 (prot & VMA_WRITE ? VMM_WRITE : 0);
	for (v = vma_find(&as->vmas, start); v && v->start < end; v = vma_next(v)) {
		v->prot = prot;
		vmm_protect_range(as->pd, v->start, v->end, flags);
	}
	return 0;
}

void as_for_each(void (*fn)(struct address_space *as, void *arg), void *arg)
{
	for (struct address_space *as = all_spaces; as; as = as->all_next)
		fn(as, arg);
}
