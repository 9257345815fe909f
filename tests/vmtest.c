/* tests/vmtest.c: address-space helpers for the mm tests. */
#include "tests/vmtest.h"

#include "mm/reclaim.h"
#include "mm/vmm.h"

struct address_space *vmtest_space(struct vma *v)
{
	struct address_space *as = v ? as_create() : NULL;
	if (!as || as_insert_vma(as, v) < 0) {
		if (v)
			vma_destroy(v);
		if (as)
			as_destroy(as);
		return NULL;
	}
	as_switch(as);
	return as;
}

void vmtest_done(struct address_space *as)
{
	as_switch(NULL);
	as_destroy(as);
	mm_reclaim();
}

paddr_t vmtest_frame(struct address_space *as, vaddr_t va)
{
	paddr_t f = 0;
	vmm_query(as->pd, PAGE_ROUND_DOWN(va), &f, NULL);
	return f;
}
