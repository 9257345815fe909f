/* exec/elf.c: reading and validating an ELF32 i386 executable; the rules,
 * their errno values and how they compare with Linux are in docs/elf.md.
 * Pure code: it only looks at bytes, so the host unit tests build it too. */
#include "exec/elf.h"

#include "kernel/uapi/errno.h"
#include "mm/memlayout.h"

#ifdef HOST_TEST
#include <string.h>
#else
#include "kernel/lib/string.h"
#endif

/* The ELF constants used here, named as in the System V ABI (and in
 * readelf's output and <elf.h>). */
#define EI_NIDENT   16
#define EI_CLASS    4
#define EI_DATA     5
#define EI_VERSION  6
#define ELFCLASS32  1
#define ELFDATA2LSB 1
#define EV_CURRENT  1
#define ET_REL      1
#define ET_EXEC     2
#define ET_DYN      3
#define ET_CORE     4
#define EM_386      3

#define PT_LOAD      1
#define PT_INTERP    3
#define PT_PHDR      6
#define PT_GNU_STACK 0x6474e551u

#define PF_X 0x1u
#define PF_W 0x2u
#define PF_R 0x4u

/* Linux reads at most 64 KiB of program headers (fs/binfmt_elf.c,
 * load_elf_phdrs); real executables have about ten. */
#define ELF_PHDR_TABLE_MAX 65536u

/* The file header and a program header as they are on disk. Both are
 * little-endian with no padding, so on x86 (the kernel, and the host the
 * tests run on) a byte copy into these structs reads them. */
struct elf32_ehdr {
	uint8_t e_ident[EI_NIDENT]; /* "\x7fELF", class, data, version */
	uint16_t e_type;            /* ET_EXEC, ET_DYN, ... */
	uint16_t e_machine;         /* EM_386 */
	uint32_t e_version;         /* EV_CURRENT */
	uint32_t e_entry;           /* first instruction (before any bias) */
	uint32_t e_phoff;           /* file offset of the program headers */
	uint32_t e_shoff;           /* section headers: not used to run */
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize; /* size of one program header */
	uint16_t e_phnum;     /* number of program headers */
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type;   /* PT_LOAD, PT_INTERP, ... */
	uint32_t p_offset; /* file offset of the segment's first byte */
	uint32_t p_vaddr;  /* its address in memory */
	uint32_t p_paddr;  /* unused on Linux and here */
	uint32_t p_filesz; /* bytes taken from the file */
	uint32_t p_memsz;  /* bytes in memory; the rest is zero (bss) */
	uint32_t p_flags;  /* PF_R | PF_W | PF_X */
	uint32_t p_align;  /* 0, 1 or a power of two */
};

_Static_assert(sizeof(struct elf32_ehdr) == 52, "Elf32_Ehdr is 52 bytes");
_Static_assert(sizeof(struct elf32_phdr) == 32, "Elf32_Phdr is 32 bytes");

/* Record why the file is refused; returns -err for the caller to return. */
static int refuse(const char **why, int err, const char *reason)
{
	if (why)
		*why = reason;
	return -err;
}

/* e_ident: the magic, then the class, byte order and version this code
 * reads. Linux checks only the magic (see docs/elf.md). */
static int check_ident(const struct elf32_ehdr *eh, const char **why)
{
	const uint8_t *id = eh->e_ident;

	if (id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F')
		return refuse(why, ENOEXEC, "not an ELF file (bad magic)");
	if (id[EI_CLASS] != ELFCLASS32)
		return refuse(why, ENOEXEC, "not a 32-bit ELF file");
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(why, ENOEXEC, "not a little-endian ELF file");
	if (id[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return refuse(why, ENOEXEC, "unknown ELF version");
	return 0;
}

/* The rest of the file header, and where the program headers are. */
static int check_header(const struct elf32_ehdr *eh, size_t size,
			const char **why)
{
	int err = check_ident(eh, why);

	if (err)
		return err;
	if (eh->e_type == ET_REL)
		return refuse(why, ENOEXEC, "relocatable object, not linked");
	if (eh->e_type == ET_CORE)
		return refuse(why, ENOEXEC, "core dump, not a program");
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return refuse(why, ENOEXEC, "not an executable (e_type)");
	if (eh->e_machine != EM_386)
		return refuse(why, ENOEXEC, "not an i386 program (e_machine)");
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return refuse(why, ENOEXEC, "e_phentsize is not 32");
	if (eh->e_phnum == 0)
		return refuse(why, ENOEXEC, "no program headers");

	uint32_t table = (uint32_t)eh->e_phnum * sizeof(struct elf32_phdr);
	if (table > ELF_PHDR_TABLE_MAX)
		return refuse(why, ENOEXEC, "program header table over 64 KiB");
	/* 64-bit sum: e_phoff near 4 GiB must not wrap back into the file. */
	if ((uint64_t)eh->e_phoff + table > size)
		return refuse(why, ENOEXEC,
			      "program header table past the end of the file");
	return 0;
}

/* Program header i, from the bytes at hand or through src->read. */
static int read_phdr(const struct elf_src *src, const struct elf32_ehdr *eh,
		     unsigned i, struct elf32_phdr *ph, const char **why)
{
	uint32_t off = eh->e_phoff + i * sizeof(*ph);
	if (off + sizeof(*ph) <= src->avail) {
		memcpy(ph, src->head + off, sizeof(*ph));
		return 0;
	}
	int err = src->read ? src->read(src->ctx, off, ph, sizeof(*ph)) : -ENOEXEC;
	if (err && why)
		*why = "could not read the program headers";
	return err;
}

/* PT_INTERP: the interpreter's path must be 2 to ELF_INTERP_MAX bytes
 * inside the file and end with its NUL (Linux's checks and errnos). */
static int check_interp(const struct elf_src *src, const struct elf32_phdr *ph,
			struct elf_image *img, const char **why)
{
	uint8_t last;

	if (ph->p_filesz < 2 || ph->p_filesz > ELF_INTERP_MAX)
		return refuse(why, ENOEXEC, "interpreter path of a bad length");
	if ((uint64_t)ph->p_offset + ph->p_filesz > src->size)
		return refuse(why, EIO,
			      "interpreter path past the end of the file");
	uint32_t at = ph->p_offset + ph->p_filesz - 1;
	if (at < src->avail) {
		last = src->head[at];
	} else {
		int err = src->read ? src->read(src->ctx, at, &last, 1) : -EIO;
		if (err)
			return refuse(why, -err, "could not read the interpreter path");
	}
	if (last != '\0')
		return refuse(why, ENOEXEC, "interpreter path not NUL-terminated");
	img->interp_offset = ph->p_offset;
	img->interp_len = ph->p_filesz;
	return 0;
}

/* First pass, before any PT_LOAD is looked at (Linux's order too): the
 * interpreter (only the first PT_INTERP counts, as on Linux), PT_GNU_STACK,
 * PT_PHDR, and the first PT_LOAD's address, which an ET_DYN's load bias
 * is counted from. Everything else that is not PT_LOAD (PT_NOTE, PT_TLS,
 * PT_DYNAMIC, PT_GNU_PROPERTY, PT_GNU_RELRO, processor-specific types) is
 * for the program's libc, its dynamic linker or for tools. */
static int scan_other(const struct elf_src *src, const struct elf32_ehdr *eh,
		      struct elf_image *img, uint32_t *phdr, uint32_t *first,
		      const char **why)
{
	struct elf32_phdr ph;
	bool seen_load = false;

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		int err = read_phdr(src, eh, i, &ph, why);
		if (err)
			return err;
		if (ph.p_type == PT_INTERP && !img->interp_len) {
			err = check_interp(src, &ph, img, why);
			if (err)
				return err;
		}
		if (ph.p_type == PT_GNU_STACK)
			img->exec_stack = (ph.p_flags & PF_X) != 0;
		if (ph.p_type == PT_PHDR)
			*phdr = ph.p_vaddr;
		if (ph.p_type == PT_LOAD && !seen_load) {
			*first = ph.p_vaddr;
			seen_load = true;
		}
	}
	return 0;
}

static bool valid_align(uint32_t a)
{
	return (a & (a - 1)) == 0; /* true for 0 and 1 as well */
}

/* Where a PT_LOAD's file bytes are. A segment with no file bytes maps
 * nothing from the file, so its p_offset means nothing (Linux ignores it
 * too). */
static int check_file_part(const struct elf32_phdr *ph, size_t size,
			   const char **why)
{
	if (ph->p_filesz == 0)
		return 0;
	if ((ph->p_vaddr - ph->p_offset) % PAGE_SIZE != 0)
		return refuse(why, EINVAL,
			      "p_vaddr and p_offset differ modulo 4096");
	if ((uint64_t)ph->p_offset + ph->p_filesz > size)
		return refuse(why, ENOEXEC,
			      "segment extends past the end of the file");
	return 0;
}

/* The rules for one PT_LOAD on its own. Addresses are summed in 64 bits,
 * so a wrap past 4 GiB is seen rather than computed modulo 2^32. */
static int check_load(const struct elf32_phdr *ph, size_t size, uint32_t bias,
		      const char **why)
{
	/* The bias may be "negative" (an ET_DYN linked above its base). */
	uint64_t start = (uint32_t)(ph->p_vaddr + bias);
	uint64_t end = start + ph->p_memsz;
	int err;

	if (ph->p_filesz > ph->p_memsz)
		return refuse(why, EINVAL, "p_filesz exceeds p_memsz");
	if (!valid_align(ph->p_align))
		return refuse(why, ENOEXEC, "p_align is not a power of two");
	err = check_file_part(ph, size, why);
	if (err)
		return err;
	if ((uint64_t)ph->p_vaddr + ph->p_memsz > 0xffffffffu)
		return refuse(why, EINVAL, "segment wraps around 4 GiB");
	if (start >= USER_TOP || end > USER_TOP)
		return refuse(why, EINVAL, "segment reaches into kernel space");
	return 0;
}

/* Count a checked PT_LOAD into img. The segments must come in address
 * order and must not share a page: exec/exec.c gives each its own VMAs,
 * and one page cannot carry two protections or two file offsets. Real
 * linkers start each segment on a fresh page (docs/elf.md). *prev_end is
 * where the previous segment ends. */
static int add_segment(struct elf_image *img, const struct elf32_phdr *ph,
		       uint32_t *prev_start, uint32_t *prev_end,
		       const char **why)
{
	uint32_t start = ph->p_vaddr + img->load_bias;

	if (img->nsegments > 0) {
		if (start < *prev_start)
			return refuse(why, ENOEXEC,
				      "segments not sorted by address");
		if (start < *prev_end)
			return refuse(why, EINVAL, "segments overlap");
		if (PAGE_ROUND_DOWN(start) < PAGE_ROUND_UP(*prev_end))
			return refuse(why, EINVAL, "segments share a page");
	} else {
		img->start = PAGE_ROUND_DOWN(start);
	}
	img->nsegments++;
	*prev_start = start;
	*prev_end = start + ph->p_memsz;
	if (*prev_end > img->end)
		img->end = *prev_end;
	return 0;
}

/* Second pass: every PT_LOAD, in file order. A PT_LOAD with p_memsz 0 is
 * checked but then dropped, as Linux maps nothing for it. */
static int scan_loads(const struct elf_src *src, size_t size,
		      const struct elf32_ehdr *eh, struct elf_image *img,
		      const char **why)
{
	struct elf32_phdr ph;
	uint32_t prev_start = 0, prev_end = 0;
	int err;

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		err = read_phdr(src, eh, i, &ph, why);
		if (err)
			return err;
		if (ph.p_type != PT_LOAD)
			continue;
		err = check_load(&ph, size, img->load_bias, why);
		if (err)
			return err;
		if (ph.p_memsz == 0)
			continue;
		err = add_segment(img, &ph, &prev_start, &prev_end, why);
		if (err)
			return err;
	}
	if (img->nsegments == 0)
		return refuse(why, EINVAL, "no loadable segment");
	return 0;
}

/* The segment that holds address a (biased), as *s: 1 found, 0 not, or
 * read()'s errno. */
static int segment_of(const struct elf_src *src, const struct elf_image *img,
		      uint32_t a, struct elf_segment *s)
{
	unsigned cursor = 0;
	int r;

	while ((r = elf_next_segment(src, img, &cursor, s)) > 0)
		if (a >= s->vaddr && a - s->vaddr < s->memsz)
			return 1;
	return r;
}

/* The first instruction must be in user space (Linux's own check) and
 * inside an executable segment (ours: otherwise the program would only
 * fault on its first instruction). */
static int check_entry(const struct elf_src *src, const struct elf_image *img,
		       uint32_t e_entry, const char **why)
{
	uint32_t entry = e_entry + img->load_bias;
	struct elf_segment s;

	if (entry >= USER_TOP)
		return refuse(why, EINVAL, "entry point in kernel space");
	int r = segment_of(src, img, entry, &s);
	if (r < 0)
		return refuse(why, -r, "could not read the program headers");
	if (r == 0)
		return refuse(why, ENOEXEC,
			      "entry point outside every segment");
	if (!(s.prot & ELF_PROT_X))
		return refuse(why, ENOEXEC,
			      "entry point in a non-executable segment");
	return 0;
}

/* AT_PHDR without a PT_PHDR: the segment whose file bytes hold the table
 * shows it at the same distance from its start (Linux's rule); 0 if none. */
static int phdr_from_loads(const struct elf_src *src, struct elf_image *img)
{
	struct elf_segment s;
	unsigned cursor = 0;
	int r;

	while ((r = elf_next_segment(src, img, &cursor, &s)) > 0)
		if (img->phoff >= s.offset && img->phoff - s.offset < s.filesz) {
			img->phdr_vaddr = s.vaddr + (img->phoff - s.offset);
			return 0;
		}
	return r;
}

int elf_next_segment(const struct elf_src *src, const struct elf_image *img,
		     unsigned *cursor, struct elf_segment *s)
{
	struct elf32_ehdr eh = { .e_phoff = img->phoff };
	struct elf32_phdr ph;

	while (*cursor < img->phnum) {
		int err = read_phdr(src, &eh, (*cursor)++, &ph, NULL);
		if (err)
			return err;
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		s->vaddr = ph.p_vaddr + img->load_bias;
		s->memsz = ph.p_memsz;
		s->offset = ph.p_offset;
		s->filesz = ph.p_filesz;
		s->prot = ((ph.p_flags & PF_R) ? ELF_PROT_R : 0) |
			  ((ph.p_flags & PF_W) ? ELF_PROT_W : 0) |
			  ((ph.p_flags & PF_X) ? ELF_PROT_X : 0);
		return 1;
	}
	return 0;
}

void elf_rebase(struct elf_image *img, uint32_t bias)
{
	uint32_t delta = bias - img->load_bias;

	img->load_bias = bias;
	img->entry += delta;
	if (img->phdr_vaddr)
		img->phdr_vaddr += delta;
	img->start += delta;
	img->end += delta;
}

int elf_parse(const uint8_t *data, size_t size, struct elf_image *img,
	      const char **why)
{
	struct elf_src src = { data, size, size, NULL, NULL };
	return elf_parse_src(&src, img, why);
}

int elf_parse_src(const struct elf_src *src, struct elf_image *img,
		  const char **why)
{
	struct elf32_ehdr eh;
	size_t size = src->size;
	uint32_t phdr = 0, first = 0;
	int err;

	memset(img, 0, sizeof(*img));
	if (why)
		*why = NULL;
	if (size < sizeof(eh))
		return refuse(why, ENOEXEC, "file shorter than the ELF header");
	if (src->avail < sizeof(eh))
		return refuse(why, ENOEXEC, "ELF header not at hand");
	memcpy(&eh, src->head, sizeof(eh));
	err = check_header(&eh, size, why);
	if (err)
		return err;

	img->phoff = eh.e_phoff;
	img->phnum = eh.e_phnum;
	img->phentsize = eh.e_phentsize;
	img->dyn = eh.e_type == ET_DYN;
	err = scan_other(src, &eh, img, &phdr, &first, why);
	if (err)
		return err;
	/* Linux's load_elf_binary: an ET_DYN's first PT_LOAD goes to the
	 * page of ELF_ET_DYN_BASE (a PIE is linked at 0: bias = base). */
	if (img->dyn)
		img->load_bias = PAGE_ROUND_DOWN(ELF_ET_DYN_BASE - first);
	err = scan_loads(src, size, &eh, img, why);
	if (err)
		return err;
	err = check_entry(src, img, eh.e_entry, why);
	if (err)
		return err;
	img->entry = eh.e_entry + img->load_bias;
	/* No PT_PHDR (one at address 0 would be in the page never mapped). */
	if (phdr)
		img->phdr_vaddr = phdr + img->load_bias;
	else if ((err = phdr_from_loads(src, img)) < 0)
		return refuse(why, -err, "could not read the program headers");
	return 0;
}
