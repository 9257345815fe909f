/* exec/exec.c: exec in two phases. Phase 1 looks the file up, validates
 * its ELF headers and builds a new address space whose VMAs describe the
 * segments; phase 2 swaps it in. Nothing of the file is copied here. */
#include "exec/exec.h"

#include "exec/exec_internal.h"
#include "fs/fs.h"
#include "fs/inode.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kmap.h"
#include "mm/pmm.h"

_Static_assert(ELF_PROT_R == VMA_READ && ELF_PROT_W == VMA_WRITE &&
	       ELF_PROT_X == VMA_EXEC, "segment and VMA protections agree");

static int read_more(void *ctx, uint32_t off, void *buf, uint32_t n)
{
	long got = inode_read_kernel(ctx, off, buf, n);
	return got == (long)n ? 0 : got < 0 ? (int)got : -ENOEXEC;
}

/* Validate the ELF headers of f, read through the page cache (the first
 * page is the one its text mapping will share). */
static int parse(struct inode *ino, const char *path, struct elf_image *elf)
{
	struct vm_file *f = &ino->vmf;
	const char *why;
	if (f->size == 0) {
		pr_info("exec %s: file shorter than the ELF header\n", path);
		return -ENOEXEC;
	}
	paddr_t frame = pagecache_get(f, 0);
	if (!frame)
		return -ENOMEM;
	const uint8_t *head = kmap(frame);
	struct elf_src src = { head, f->size < PAGE_SIZE ? f->size : PAGE_SIZE,
			       f->size, read_more, ino };
	int err = elf_parse_src(&src, elf, &why);
	kunmap((void *)head);
	pmm_free_frame(frame);
	if (err && err != -ENOMEM)
		pr_info("exec %s: %s\n", path, why);
	return err;
}

static int add_vma(struct address_space *as, vaddr_t start, vaddr_t end,
		   unsigned prot, enum vma_kind kind, struct vma **out)
{
	/* elf_parse() guarantees segments never share a virtual page. */
	struct vma *v = vma_create(start, end, prot, kind);
	if (!v)
		return -ENOMEM;
	int err = as_insert_vma(as, v);
	if (err) {
		vma_destroy(v);
		return err;
	}
	if (out)
		*out = v;
	return 0;
}

/* One PT_LOAD as VMAs: its file pages (shared if read-only, copy-on-write
 * if writable), then anonymous zero pages for the bss beyond them. */
static int map_segment(struct address_space *as, struct vm_file *f,
		       const struct elf_segment *s)
{
	vaddr_t start = PAGE_ROUND_DOWN(s->vaddr);
	vaddr_t end = PAGE_ROUND_UP(s->vaddr + s->memsz);
	vaddr_t file_end = s->vaddr + s->filesz;
	vaddr_t file_pages_end = s->filesz ? PAGE_ROUND_UP(file_end) : start;
	unsigned prot = s->prot;
	int err;

	if (prot & (VMA_WRITE | VMA_EXEC))
		prot |= VMA_READ;  /* x86 pages cannot be write- or exec-only */
	if (file_pages_end > start) {
		struct vma *v;
		/* A private mapping, as Linux's: read-only pages are the page
		 * cache's frames (shared with every other image and read()),
		 * and a write, after mprotect, copies. */
		err = add_vma(as, start, file_pages_end, prot, VMA_FILE_PRIVATE,
			      &v);
		if (err)
			return err;
		v->file = vm_file_get(f);
		v->file_offset = PAGE_ROUND_DOWN(s->offset);
		/* Only a bss needs zeros after the file bytes of the last page;
		 * without one, that page is mapped whole from the file (and
		 * shared), as Linux maps it. */
		v->file_bytes = s->memsz > s->filesz ? file_end - start
						      : file_pages_end - start;
	}
	if (end > file_pages_end)
		return add_vma(as, file_pages_end, end, prot, VMA_ANON, NULL);
	return 0;
}

static void base_name(char name[16], const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t n = strnlen(base, 15);
	memcpy(name, base, n);
	name[n] = '\0';
}

int exec_prepare(const char *path, const struct exec_args *args,
		 struct exec_image *img)
{
	struct inode *ino;
	struct elf_image elf;

	int err = fs_exec_lookup(path, &ino);
	if (err)
		return err;
	struct vm_file *f = &ino->vmf;
	err = parse(ino, path, &elf);
	if (err)
		goto out_put;
	err = -ENOMEM;
	img->as = as_create();
	if (!img->as)
		goto out_put;
	for (int i = 0; i < elf.nsegments; i++) {
		err = map_segment(img->as, f, &elf.segments[i]);
		if (err)
			goto out_free_as;
	}
	img->as->brk_start = img->as->brk = PAGE_ROUND_UP(elf.end);
	err = ustack_build(img->as, path, args, &elf, &img->sp);
	if (err)
		goto out_free_as;
	img->entry = elf.entry;
	base_name(img->name, path);
	inode_put(ino);  /* the VMAs hold the file now */
	return 0;

out_free_as:
	as_destroy(img->as);
	img->as = NULL;
out_put:
	inode_put(ino);
	return err;
}

void exec_abandon(struct exec_image *img)
{
	as_destroy(img->as);
	img->as = NULL;
}

void exec_commit(struct proc *p, struct exec_image *img)
{
	struct address_space *old = p->as;

	/* Point of no return: from here on the old image is gone. */
	p->as = img->as;
	img->as = NULL;
	memcpy(p->name, img->name, sizeof(p->name));
	fs_proc_exec(p);
	if (proc_current() == p)
		as_switch(p->as);
	if (old)
		as_put(old);  /* a vfork parent may still use it */
	if (trace_maybe(TRACE_EXEC))
		trace_exec(p, img->entry, img->sp);
}

struct proc *exec_spawn(struct proc *parent, const char *path,
			const struct exec_args *args, int *err)
{
	struct exec_image img;
	struct proc *p = proc_create(parent, err);
	if (!p)
		return NULL;
	*err = parent ? fs_proc_fork(p, parent) : fs_proc_init(p);
	if (*err)
		goto out_discard;
	*err = exec_prepare(path, args, &img);
	if (*err)
		goto out_discard;
	exec_commit(p, &img);
	*err = proc_start(p, img.entry, img.sp);
	if (*err)
		goto out_discard;
	return p;

out_discard:
	proc_discard(p);
	return NULL;
}
