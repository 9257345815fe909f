/* mm/madvise.c: madvise, msync and mincore, the calls that walk a range
 * of VMAs and look at (or drop) the pages behind them (an unmapped hole in
 * the range is ENOMEM for all three, as Linux), and pagoda_frame, which
 * looks at one page's frame. */
#include "mm/mmap.h"

#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "mm/shmem.h"
#include "mm/uaccess.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"

/* The advice pagoda knows: hints it may ignore (Linux's too, as far as a
 * program can tell: page merging and huge pages change no byte), and the
 * two that drop pages. Linux accepts more (MADV_DONTFORK, MADV_WIPEONFORK,
 * ...); pagoda refuses what it does not implement with EINVAL, as Linux
 * does for advice its configuration lacks. */
static bool advice_known(unsigned advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_DONTDUMP: case MADV_DODUMP: case MADV_COLD:
	case MADV_PAGEOUT: case MADV_MERGEABLE: case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
		return true;
	default:
		return false;
	}
}

/* Apply advice to [start, end) (page aligned, start < end). Returns 0, or
 * -ENOMEM if part of it is unmapped (the mapped parts are still done). */
static int advise_range(struct address_space *as, vaddr_t start, vaddr_t end,
			unsigned advice)
{
	bool hole = false;
	vaddr_t at = start;
	for (struct vma *v = vma_find_from(&as->vmas, start); v && v->start < end;
	     v = vma_next(v)) {
		if (v->start > at)
			hole = true;
		vaddr_t lo = v->start > start ? v->start : start;
		vaddr_t hi = v->end < end ? v->end : end;
		/* The pages go; the next touch faults them in again: zeros in
		 * a private anonymous mapping, the object's or file's page in
		 * a shared or file one. MADV_FREE may do the same now. */
		if (advice == MADV_DONTNEED || advice == MADV_FREE)
			as->resident -= vmm_unmap_range(as->pd, lo, hi);
		at = hi;
	}
	return hole || at < end ? -ENOMEM : 0;
}

long sys_madvise(uint32_t start, uint32_t len, uint32_t advice, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	if (!advice_known(advice) || start % PAGE_SIZE)
		return -EINVAL;
	uint32_t size = PAGE_ROUND_UP(len);
	if (len && !size)
		return -EINVAL;
	uint32_t end = start + size;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	return advise_range(proc_current()->as, start, end, advice);
}

/* msync: pagoda's files live in memory, so there is nothing to write
 * back; what is left is Linux's checking of the arguments and range. */
long sys_msync(uint32_t start, uint32_t len, uint32_t flags, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) || start % PAGE_SIZE)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	uint32_t end = start + PAGE_ROUND_UP(len);
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	return advise_range(proc_current()->as, start, end, MADV_NORMAL);
}

/* True if the page at va of v is in memory: mapped here, or held by the
 * shared object or the page cache behind v (as Linux, a file page counts
 * if it is cached, whoever read it). */
static bool page_resident(const struct address_space *as, const struct vma *v,
			  vaddr_t va)
{
	if (vmm_query(as->pd, va, NULL, NULL))
		return true;
	uint32_t index = (v->file_offset + (va - v->start)) / PAGE_SIZE;
	if (v->kind == VMA_ANON_SHARED)
		return shmem_resident(v->shm, index);
	if (v->file && va - v->start < v->file_bytes)
		return pagecache_cached(v->file, index);
	return false;
}

#define MINCORE_CHUNK 64  /* bytes of the vector filled per copy */

long sys_mincore(uint32_t start, uint32_t len, uint32_t uvec, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	struct address_space *as = proc_current()->as;
	if (start % PAGE_SIZE)
		return -EINVAL;
	if (!user_range_ok((const void *)start, len))
		return -ENOMEM;
	uint32_t pages = len / PAGE_SIZE + (len % PAGE_SIZE != 0);
	if (!user_range_ok((const void *)uvec, pages))
		return -EFAULT;
	while (pages) {
		const struct vma *v = vma_find(&as->vmas, start);
		if (!v)
			return -ENOMEM;
		uint8_t chunk[MINCORE_CHUNK];
		uint32_t n = (v->end - start) / PAGE_SIZE;
		n = n < pages ? n : pages;
		n = n < MINCORE_CHUNK ? n : MINCORE_CHUNK;
		for (uint32_t i = 0; i < n; i++)
			chunk[i] = page_resident(as, v, start + i * PAGE_SIZE);
		if (copy_to_user((void *)uvec, chunk, n) < 0)
			return -EFAULT;
		start += n * PAGE_SIZE;
		uvec += n;
		pages -= n;
	}
	return 0;
}

long sys_pagoda_frame(uint32_t addr, uint32_t a2, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	paddr_t frame;
	if (!user_range_ok((const void *)addr, 1) ||
	    !vmm_query(proc_current()->as->pd, addr & ~(PAGE_SIZE - 1), &frame, NULL))
		return -EFAULT;
	return (long)(frame / PAGE_SIZE);
}
