/* mm/mremap.c: mremap. A mapping grows in place when the addresses above
 * it are free; otherwise, with MREMAP_MAYMOVE, its VMA is copied to a new
 * place and its page-table entries move there: the frames themselves are
 * never copied. */
#include "mm/mmap.h"

#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "mm/pmm.h"
#include "mm/shmem.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"

/* A copy of v's meaning for [start, start + size), v's own start moved
 * there (file or object offset kept), not in a tree; NULL if out of
 * memory. The part past v's size reads on from the same file or object. */
static struct vma *vma_moved(const struct vma *v, vaddr_t start, uint32_t size)
{
	struct vma *n = vma_create(start, start + size, v->prot, v->kind);
	if (!n)
		return NULL;
	n->flags = v->flags;
	n->file = vm_file_get(v->file);
	n->shm = v->shm;
	if (n->shm)
		shmem_get(n->shm);
	n->file_offset = v->file_offset;
	n->label = v->label;
	uint32_t old_size = v->end - v->start;
	/* A mapping whose file data filled it goes on with file data. */
	n->file_bytes = v->file_bytes >= old_size ? size : v->file_bytes;
	return n;
}

/* Map every present page of [from, from + len) at to as well (one more
 * reference each, same flags). On failure, undo and return -ENOMEM. */
static int copy_ptes(struct address_space *as, vaddr_t from, uint32_t len,
		     vaddr_t to)
{
	unsigned long n = 0;
	for (uint32_t off = 0; off < len; off += PAGE_SIZE) {
		paddr_t frame;
		unsigned flags;
		if (!vmm_query(as->pd, from + off, &frame, &flags))
			continue;
		pmm_ref_frame(frame);
		if (vmm_map(as->pd, to + off, frame, flags) < 0) {
			pmm_free_frame(frame);
			vmm_unmap_range(as->pd, to, to + len);
			return -ENOMEM;
		}
		n++;
	}
	as->resident += n;
	return 0;
}

/* Move [old, old + old_len), which lies inside v, to new_addr (a free
 * range of new_len >= old_len bytes): a new VMA there, the pages moved,
 * the old range unmapped. Returns new_addr or -ENOMEM (nothing moved). */
static long move_mapping(struct address_space *as, struct vma *v, vaddr_t old,
			 uint32_t old_len, vaddr_t new_addr, uint32_t new_len)
{
	/* Cut [old, old + old_len) out as a VMA of its own. A failed second
	 * cut leaves v split in two alike VMAs, which changes nothing. */
	if (v->start < old && !(v = vma_split(&as->vmas, v, old)))
		return -ENOMEM;
	if (v->end > old + old_len && !vma_split(&as->vmas, v, old + old_len))
		return -ENOMEM;
	struct vma *n = vma_moved(v, new_addr, new_len);
	if (!n)
		return -ENOMEM;
	if (copy_ptes(as, old, old_len, new_addr) < 0) {
		vma_destroy(n);
		return -ENOMEM;
	}
	int err = as_insert_vma(as, n);
	if (err) {  /* the caller found the range free */
		as->resident -= vmm_unmap_range(as->pd, new_addr, new_addr + new_len);
		vma_destroy(n);
		return err;
	}
	/* Cannot fail: [old, old + old_len) is exactly one VMA now. */
	as_unmap(as, old, old + old_len);
	return new_addr;
}

/* MREMAP_FIXED: the mapping goes to new_addr, replacing what is there. */
static long mremap_to(struct address_space *as, vaddr_t old, uint32_t old_len,
		      uint32_t new_len, vaddr_t new_addr)
{
	if (new_addr % PAGE_SIZE)
		return -EINVAL;
	if (new_len > USER_TOP || new_addr > USER_TOP - new_len)
		return -EINVAL;
	if (new_addr < old + old_len && old < new_addr + new_len)
		return -EINVAL;  /* the two ranges overlap */
	if (new_addr < MMAP_MIN_ADDR)
		return -EPERM;
	int err = as_unmap(as, new_addr, new_addr + new_len);
	if (err)
		return err;
	if (old_len > new_len) {
		if ((err = as_unmap(as, old + new_len, old + old_len)) < 0)
			return err;
		old_len = new_len;
	}
	struct vma *v = vma_find(&as->vmas, old);
	if (!v || old_len > v->end - old)
		return -EFAULT;
	return move_mapping(as, v, old, old_len, new_addr, new_len);
}

/* An old length of 0: a second mapping of the same shared pages (Linux
 * allows it for shared mappings only) at a new address. */
static long duplicate(struct address_space *as, const struct vma *v,
		      vaddr_t old, uint32_t new_len, unsigned flags)
{
	if (!vma_is_shared(v) || (flags & MREMAP_FIXED))
		return -EINVAL;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	vaddr_t to = mm_unmapped_area(as, 0, new_len);
	if (!to)
		return -ENOMEM;
	struct vma *n = vma_moved(v, to, new_len);
	if (!n)
		return -ENOMEM;
	n->file_offset += old - v->start;
	int err = as_insert_vma(as, n);
	if (err) {
		vma_destroy(n);
		return err;
	}
	return to;
}

long mm_mremap(struct address_space *as, vaddr_t old, uint32_t old_len,
	       uint32_t new_len, unsigned flags, vaddr_t new_addr)
{
	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (flags & MREMAP_DONTUNMAP)
		return -EINVAL;  /* not supported by pagoda */
	if (old % PAGE_SIZE)
		return -EINVAL;
	old_len = PAGE_ROUND_UP(old_len);
	new_len = PAGE_ROUND_UP(new_len);
	if (!new_len)
		return -EINVAL;
	struct vma *v = vma_find(&as->vmas, old);
	if (!v)
		return -EFAULT;
	if (!old_len)
		return duplicate(as, v, old, new_len, flags);
	if (flags & MREMAP_FIXED)
		return mremap_to(as, old, old_len, new_len, new_addr);
	if (old_len >= new_len) {
		/* Shrinking just unmaps the tail. */
		int err = old_len > new_len
				  ? as_unmap(as, old + new_len, old + old_len) : 0;
		return err ? err : (long)old;
	}
	if (old_len > v->end - old)
		return -EFAULT;  /* the old range must be within one VMA */
	/* Grow in place if the old range ends the VMA and room follows. */
	if (old + old_len == v->end && new_len <= USER_TOP - old &&
	    as_range_free(as, v->end, old + new_len)) {
		uint32_t size = v->end - v->start;
		if (v->file_bytes >= size)
			v->file_bytes += new_len - old_len;
		v->end = old + new_len;
		return old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	vaddr_t to = mm_unmapped_area(as, 0, new_len);
	if (!to)
		return -ENOMEM;
	return move_mapping(as, v, old, old_len, to, new_len);
}

long sys_mremap(uint32_t old, uint32_t old_len, uint32_t new_len,
		uint32_t flags, uint32_t new_addr, uint32_t a6)
{
	return mm_mremap(proc_current()->as, old, old_len, new_len, flags,
			 new_addr);
}
