/* mm/as.c: creating, switching, trimming and destroying address spaces. */
#include "mm/as.h"

#include "kernel/console.h"
#include "kernel/lib/format.h"
#include "kernel/panic.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"

static struct address_space *current_as;

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
	return as;
}

void as_destroy(struct address_space *as)
{
	KASSERT(as != current_as);
	vmm_destroy(as->pd);  /* drops every mapped frame's reference */
	vma_tree_clear(&as->vmas);
	kfree(as);
}

void as_switch(struct address_space *as)
{
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

static const char *vma_name(const struct vma *v)
{
	if (v->label)
		return v->label;
	return v->file ? v->file->path : "";
}

void as_dump(const struct address_space *as, const char *prefix)
{
	for (struct vma *v = vma_first(&as->vmas); v; v = vma_next(v)) {
		char line[128];
		int n = ksnprintf(line, sizeof(line), "%08x-%08x %c%c%c%c %08x 00:00 0",
				  v->start, v->end, v->prot & VMA_READ ? 'r' : '-',
				  v->prot & VMA_WRITE ? 'w' : '-',
				  v->prot & VMA_EXEC ? 'x' : '-',
				  v->kind == VMA_FILE_SHARED ? 's' : 'p',
				  v->file ? v->file_offset : 0);
		const char *name = vma_name(v);
		/* Linux pads a name to column 73. */
		kprintf("%s%s%*s%s\n", prefix, line, *name ? (n < 73 ? 73 - n : 1) : 0,
			"", name);
	}
	kprintf("%sminor faults %lu, resident pages %lu\n", prefix,
		as->minor_faults, as->resident);
}
