/* exec/exec.c: exec in two phases. Phase 1 looks the file up, validates
 * its ELF headers and builds a new address space whose VMAs describe the
 * segments; phase 2 swaps it in. Nothing of the file is copied here. */
#include "exec/exec.h"

#include "exec/exec_internal.h"
#include "fs/fs.h"
#include "fs/inode.h"
#include "kernel/console.h"
#include "kernel/lib/errname.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "mm/as.h"
#include "mm/kmap.h"
#include "mm/mmap.h"
#include "mm/pmm.h"

_Static_assert(ELF_PROT_R == VMA_READ && ELF_PROT_W == VMA_WRITE &&
	       ELF_PROT_X == VMA_EXEC, "segment and VMA protections agree");

static int read_more(void *ctx, uint32_t off, void *buf, uint32_t n)
{
	long got = inode_read_kernel(ctx, off, buf, n);
	return got == (long)n ? 0 : got < 0 ? (int)got : -ENOEXEC;
}

/* Validate the ELF headers of ino, read through the page cache (the
 * first page is the one its text mapping will share). *why says why a
 * refused file is refused (NULL for ENOMEM). */
static int parse(struct inode *ino, struct elf_image *elf, const char **why)
{
	struct vm_file *f = &ino->vmf;
	*why = NULL;
	if (f->size == 0) {
		*why = "file shorter than the ELF header";
		return -ENOEXEC;
	}
	paddr_t frame = pagecache_get(f, 0);
	if (!frame)
		return -ENOMEM;
	const uint8_t *head = kmap(frame);
	struct elf_src src = { head, f->size < PAGE_SIZE ? f->size : PAGE_SIZE,
			       f->size, read_more, ino };
	int err = elf_parse_src(&src, elf, why);
	kunmap((void *)head);
	pmm_free_frame(frame);
	if (err == -ENOMEM)
		*why = NULL;
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

/* Every loadable segment of ino (which elf_parse accepted into elf) as
 * VMAs of as. The program headers are read again, through the page
 * cache. */
static int map_image(struct address_space *as, struct inode *ino,
		     const struct elf_image *elf)
{
	struct elf_src src = { NULL, 0, ino->vmf.size, read_more, ino };
	struct elf_segment s;
	unsigned cursor = 0;
	int r;

	while ((r = elf_next_segment(&src, elf, &cursor, &s)) > 0) {
		r = map_segment(as, &ino->vmf, &s);
		if (r)
			return r;
	}
	return r;
}

static void base_name(char name[16], const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t n = strnlen(base, 15);
	memcpy(name, base, n);
	name[n] = '\0';
}

/* The interpreter a PT_INTERP names, opened and validated as Linux's
 * load_elf_binary does: looked up like any program (ENOENT, EACCES...),
 * shorter than an ELF header EIO, any broken header or segment ELIBBAD.
 * Returns 0 with *out held and *ielf filled. */
static int open_interp(struct inode *prog, const char *path,
		       const struct elf_image *elf, struct inode **out,
		       struct elf_image *ielf)
{
	const char *why = NULL;
	paddr_t frame = pmm_alloc_frame(0);
	if (!frame)
		return -ENOMEM;
	char *ipath = kmap(frame);  /* up to ELF_INTERP_MAX = 4096 bytes */
	long got = inode_read_kernel(prog, elf->interp_offset, ipath,
				     elf->interp_len);
	int err = got == (long)elf->interp_len ? 0 : got < 0 ? (int)got : -EIO;
	if (!err) {
		ipath[elf->interp_len - 1] = '\0';  /* elf_parse saw a NUL there */
		err = fs_exec_lookup(ipath, out);
	}
	if (err) {
		if (err != -ENOMEM)
			pr_info("exec %s: interpreter %s: %s\n", path,
				got > 0 ? ipath : "?", errno_name(err));
		goto out;
	}
	if ((*out)->vmf.size < 52) {
		err = -EIO;  /* Linux's elf_read of the header comes up short */
		why = "file shorter than the ELF header";
	} else {
		err = parse(*out, ielf, &why);
		if (err && err != -ENOMEM && err != -EIO)
			err = -ELIBBAD;
	}
	if (err) {
		if (why)
			pr_info("exec %s: interpreter %s: %s\n", path, ipath, why);
		inode_put(*out);
		*out = NULL;
	}
out:
	kunmap(ipath);
	pmm_free_frame(frame);
	return err;
}

/* Map the interpreter: an ET_DYN one where mmap would put a mapping of
 * its size (top-down below the stack, as Linux's load_elf_interp without
 * a fixed address), an ET_EXEC one at its own addresses. Sets *base to
 * AT_BASE, the interpreter's load bias. */
static int map_interp(struct address_space *as, struct inode *ino,
		      struct elf_image *ielf, uint32_t *base)
{
	if (ielf->dyn) {
		uint32_t size = PAGE_ROUND_UP(ielf->end) - ielf->start;
		vaddr_t at = size ? mm_unmapped_area(as, 0, size) : 0;
		if (!at)
			return -ENOMEM;
		elf_rebase(ielf, ielf->load_bias + (at - ielf->start));
	}
	*base = ielf->load_bias;
	return map_image(as, ino, ielf);
}

/* Phase 1 with the inodes at hand: the program's VMAs, the
 * interpreter's (if iino), brk and the stack. */
static int build(struct exec_image *img, const char *path,
		 const struct exec_args *args, struct inode *ino,
		 const struct elf_image *elf, struct inode *iino,
		 struct elf_image *ielf)
{
	uint32_t base = 0;
	int err = map_image(img->as, ino, elf);
	if (err)
		return err;
	img->as->brk_start = img->as->brk = PAGE_ROUND_UP(elf->end);
	img->entry = elf->entry;
	if (iino) {
		err = map_interp(img->as, iino, ielf, &base);
		if (err)
			return err;
		img->entry = ielf->entry;
	}
	return ustack_build(img->as, path, args, elf, base, &img->sp);
}

int exec_prepare(const char *path, const struct exec_args *args,
		 struct exec_image *img)
{
	struct inode *ino, *iino = NULL;
	struct elf_image elf, ielf;
	const char *why;

	int err = fs_exec_lookup(path, &ino);
	if (err)
		return err;
	err = inode_deny_write(ino);  /* ETXTBSY if open for writing */
	if (err)
		goto out_put;
	err = parse(ino, &elf, &why);
	if (err) {
		if (why)
			pr_info("exec %s: %s\n", path, why);
		goto out_allow;
	}
	if (elf.interp_len) {
		err = open_interp(ino, path, &elf, &iino, &ielf);
		if (err)
			goto out_allow;
	}
	err = -ENOMEM;
	img->as = as_create();
	if (!img->as)
		goto out_allow;
	err = build(img, path, args, ino, &elf, iino, &ielf);
	if (err) {
		as_destroy(img->as);
		img->as = NULL;
		goto out_allow;
	}
	base_name(img->name, path);
	/* the VMAs hold the files now; the program file stays held, writes
	 * denied, until the process lets go */
	img->exe = ino;
	ino = NULL;
	goto out_put;
out_allow:
	inode_allow_write(ino);
out_put:
	if (iino)
		inode_put(iino);
	inode_put(ino);
	return err;
}

void exec_abandon(struct exec_image *img)
{
	as_destroy(img->as);
	img->as = NULL;
	inode_allow_write(img->exe);
	inode_put(img->exe);
	img->exe = NULL;
}

void exec_commit(struct proc *p, struct exec_image *img)
{
	struct address_space *old = p->as;

	/* Point of no return: from here on the old image is gone. */
	p->as = img->as;
	img->as = NULL;
	memcpy(p->name, img->name, sizeof(p->name));
	fs_proc_exec(p, img->exe);  /* takes exe */
	img->exe = NULL;
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
