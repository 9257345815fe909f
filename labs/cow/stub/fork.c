/* LAB(cow.fork): your code goes here (labs/cow/README.md).
 * Give child the pages of as that v covers; returns how many, or -ENOMEM.
 * As it stands, fork copies: a shared mapping is shared, but every present
 * page of any other mapping is copied into a new frame for the child, the
 * way xv6's uvmcopy() does. Make it copy-on-write instead. */
static int fork_pages(struct address_space *as, struct address_space *child,
		      const struct vma *v)
{
	if (vma_is_shared(v))
		return vmm_share_range(as->pd, child->pd, v->start, v->end, false);
	int n = 0;
	for (vaddr_t page = v->start; page < v->end; page += PAGE_SIZE) {
		paddr_t old;
		unsigned flags;
		if (!vmm_query(as->pd, page, &old, &flags))
			continue;  /* never touched: the child faults it in */
		paddr_t frame = pmm_alloc_frame(0);
		if (!frame)
			return -ENOMEM;
		void *src = kmap(old), *dst = kmap(frame);
		memcpy(dst, src, PAGE_SIZE);
		kunmap(dst);
		kunmap(src);
		if (vmm_map(child->pd, page, frame, flags) < 0) {
			pmm_free_frame(frame);
			return -ENOMEM;
		}
		n++;
	}
	return n;
}
