/* mm/frame_check.c: the frame-reference check (mm/check.h). A frame's
 * reference count must equal the number of holders the memory code can
 * find for it: each present user page-table entry that maps it, the page
 * cache's one reference on each cached page, a shared anonymous object's
 * one on each of its pages and on its tables, and the page directory and
 * page tables of every address space (one each).
 *
 * The count of holders per frame needs one counter per frame, too much for
 * a 4 KiB kernel stack, and allocating frames for it would fail exactly
 * when memory is short (the stress runs) and would use up an injected
 * failure (mm/failinject.h). So the check borrows the frame table's `next`
 * word, which only a free frame uses (as its free-list link): with
 * interrupts off for the whole walk, every frame in use counts its holders
 * there, and gets FRAME_NONE back before interrupts come on again.
 *
 * Frames only the kernel holds (heap slabs, kernel stacks, pipe buffers,
 * scratch pages) have no holder found here and are not compared; the
 * runner's frame count around every KTEST case catches their leaks. */
#include "kernel/arch/x86/cpu.h"
#include "kernel/console.h"
#include "kernel/proc.h"
#include "mm/as.h"
#include "mm/check.h"
#include "mm/pmm.h"
#include "mm/pmm_internal.h"
#include "mm/shmem.h"
#include "mm/vm_file.h"
#include "mm/vmm.h"

enum holder {
	H_MAP = FRAME_BY_MAP, H_TABLE = FRAME_BY_TABLE,
	H_CACHE = FRAME_BY_CACHE, H_SHMEM = FRAME_BY_SHMEM
};

struct census {
	struct frame_table *ft;
	enum holder kind;                  /* of the holders being walked */
	const struct address_space *as;    /* being walked (H_MAP, H_TABLE) */
	const struct shmem *shm;           /* being walked (H_SHMEM) */
	const char *why;                   /* a holder's own count is wrong */
	/* Counting: the mismatches found so far. */
	struct frame_mismatch *out;
	int max, n;
	/* Explaining one frame (target != 0): who holds it. */
	paddr_t target;
	const struct shmem *target_shm;    /* counted once, however many
					      VMAs refer to it */
	struct frame_explain *ex;
};

static bool in_use(const struct frame_table *ft, uint32_t f)
{
	return f < ft->nframes && ft->frames[f].refcount != 0 &&
	       ft->frames[f].refcount != FRAME_RESERVED;
}

/* A holder of a frame that is free or reserved: a mismatch at once. */
static void held_but_free(struct census *c, paddr_t frame)
{
	for (int i = 0; i < c->n && i < c->max; i++)
		if (c->out[i].frame == frame) {
			c->out[i].found++;
			return;
		}
	if (c->n < c->max)
		c->out[c->n] = (struct frame_mismatch){ frame, 0, 1 };
	c->n++;
}

static void hit(struct census *c, paddr_t frame, vaddr_t va)
{
	if (c->target) {
		if (frame != c->target)
			return;
		if (c->kind == H_SHMEM && c->shm == c->target_shm)
			return;
		if (c->kind == H_SHMEM)
			c->target_shm = c->shm;
		c->ex->by[c->kind]++;
		if (c->kind == H_MAP && !c->ex->as) {
			c->ex->as = c->as;
			c->ex->va = va;
		}
		return;
	}
	uint32_t f = frame >> PAGE_SHIFT;
	if (in_use(c->ft, f))
		c->ft->frames[f].next++;
	else
		held_but_free(c, frame);
}

static void hit_frame(paddr_t frame, void *arg)
{
	hit(arg, frame, 0);
}

static int hit_page(vaddr_t va, paddr_t frame, unsigned flags, void *arg)
{
	(void)flags;
	hit(arg, frame, va);
	return 0;
}

/* An object not seen yet: counting, its directory has no holder counted
 * yet (only the object holds it); explaining, every one is walked. */
static bool first_visit(const struct census *c, const struct shmem *s)
{
	if (c->target || !s->dir)
		return true;
	uint32_t f = s->dir >> PAGE_SHIFT;
	return !in_use(c->ft, f) || c->ft->frames[f].next == 0;
}

static void walk_space(struct address_space *as, void *arg)
{
	struct census *c = arg;
	c->as = as;
	c->kind = H_MAP;
	vmm_for_each_user_page(as->pd, hit_page, c);
	c->kind = H_TABLE;
	vmm_for_each_table(as->pd, hit_frame, c);
	c->kind = H_SHMEM;
	for (const struct vma *v = vma_first(&as->vmas); v; v = vma_next(v)) {
		if (!v->shm || !first_visit(c, v->shm))
			continue;
		c->shm = v->shm;
		uint32_t pages = shmem_for_each_frame(v->shm, hit_frame, c);
		if (pages != v->shm->resident && !c->why)
			c->why = "a shared object's resident count disagrees "
				 "with its tables";
	}
}

/* Every holder, into c (interrupts off). */
static void walk_all(struct census *c)
{
	as_for_each(walk_space, c);
	c->kind = H_CACHE;
	pagecache_for_each_frame(hit_frame, c);
}

int frames_check(struct frame_mismatch *out, int max, const char **why)
{
	struct census c = { .ft = pmm_table(), .out = out, .max = max };
	struct frame_table *ft = c.ft;
	bool irq = irq_save();
	for (uint32_t f = 0; f < ft->nframes; f++)
		if (in_use(ft, f))
			ft->frames[f].next = 0;
	walk_all(&c);
	for (uint32_t f = 0; f < ft->nframes; f++) {
		if (!in_use(ft, f))
			continue;
		uint32_t found = ft->frames[f].next;
		ft->frames[f].next = FRAME_NONE;
		if (found == 0 || found == ft->frames[f].refcount)
			continue;  /* the kernel's own, or right */
		if (c.n < max)
			out[c.n] = (struct frame_mismatch){
				(paddr_t)f << PAGE_SHIFT,
				ft->frames[f].refcount, found };
		c.n++;
	}
	irq_restore(irq);
	*why = c.why;
	return c.why && !c.n ? -1 : c.n;
}

void frames_explain(paddr_t frame, struct frame_explain *ex)
{
	*ex = (struct frame_explain){ 0 };
	struct census c = { .ft = pmm_table(), .target = frame, .ex = ex };
	bool irq = irq_save();
	walk_all(&c);
	irq_restore(irq);
}

struct owner {
	const struct address_space *as;
	int pid;
};

static void find_owner(struct proc *p, void *arg)
{
	struct owner *o = arg;
	if (!o->pid && p->as == o->as)
		o->pid = p->pid;
}

void frames_report(const struct frame_mismatch *m, int n, int shown)
{
	kprintf("frame references: %d frame%s with a wrong count\n", n,
		n == 1 ? "" : "s");
	for (int i = 0; i < n && i < shown; i++) {
		struct frame_explain ex;
		frames_explain(m[i].frame, &ex);
		kprintf("  frame %08x: %u references, %u holders found "
			"(%u mappings, %u page table, %u page cache, %u shared "
			"object)", m[i].frame, m[i].refs, m[i].found,
			ex.by[H_MAP], ex.by[H_TABLE], ex.by[H_CACHE],
			ex.by[H_SHMEM]);
		if (ex.as) {
			struct owner o = { ex.as, 0 };
			proc_for_each(find_owner, &o);
			kprintf("; mapped by pid %d at %08lx", o.pid, ex.va);
		}
		kprintf("\n");
	}
}
