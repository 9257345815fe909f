/* LAB(lazy.brk): the break grows eagerly (labs/lazy/README.md). Every
 * page the heap grows by gets a zeroed frame at once, mapped writable, as
 * xv6's growproc() does: nothing is left for the page-fault handler. */
vaddr_t as_brk(struct address_space *as, vaddr_t want)
{
	if (want < as->brk_start || want > USER_TOP - PAGE_SIZE)
		return as->brk;
	vaddr_t old_end = PAGE_ROUND_UP(as->brk), new_end = PAGE_ROUND_UP(want);
	struct vma *heap = heap_vma(as);

	if (new_end > old_end) {
		if (!as_range_free(as, old_end, new_end))
			return as->brk;
		if (heap && heap->prot == (VMA_READ | VMA_WRITE)) {
			heap->end = new_end;
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
		for (vaddr_t page = old_end; page < new_end; page += PAGE_SIZE) {
			paddr_t frame = pmm_alloc_frame(PMM_ZERO);
			if (!frame || vmm_map(as->pd, page, frame,
					      VMM_USER | VMM_WRITE) < 0) {
				if (frame)
					pmm_free_frame(frame);
				as_unmap(as, old_end, new_end);  /* all of it back */
				return as->brk;
			}
			as->resident++;
		}
	} else if (new_end < old_end && as_unmap(as, new_end, old_end) < 0) {
		return as->brk;
	}
	as->brk = want;
	return want;
}
