/* exec/elf.h: reading and validating an ELF32 i386 executable. Pure code
 * (the host unit tests build it): it only looks at bytes and says what the
 * loadable segments are, or which rule the file breaks. exec/exec.c turns
 * the result into VMAs. */
#ifndef EXEC_ELF_H
#define EXEC_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Protection bits of a segment (same values as VMA_READ/WRITE/EXEC). */
#define ELF_PROT_R 0x1u
#define ELF_PROT_W 0x2u
#define ELF_PROT_X 0x4u

struct elf_segment {
	uint32_t vaddr;    /* p_vaddr (plus the load bias for ET_DYN) */
	uint32_t memsz;    /* bytes in memory; [vaddr, vaddr + memsz) */
	uint32_t offset;   /* p_offset */
	uint32_t filesz;   /* bytes from the file; the rest up to memsz is zero */
	unsigned prot;     /* ELF_PROT_* from p_flags */
};

struct elf_image {
	uint32_t entry;        /* e_entry (plus the load bias) */
	uint32_t phdr_vaddr;   /* where the program headers are in memory, for
				  AT_PHDR: PT_PHDR's p_vaddr, or the address
				  of e_phoff inside a PT_LOAD (plus the load
				  bias); 0 if neither */
	uint32_t phoff;        /* e_phoff: elf_next_segment reads from it */
	uint16_t phnum;        /* e_phnum, for AT_PHNUM */
	uint16_t phentsize;    /* e_phentsize, for AT_PHENT */
	bool dyn;              /* ET_DYN: may be placed anywhere */
	uint32_t load_bias;    /* added to every p_vaddr: 0 for ET_EXEC; for
				  an ET_DYN, ELF_ET_DYN_BASE minus the first
				  PT_LOAD's page (elf_rebase moves it) */
	int nsegments;         /* PT_LOADs with p_memsz > 0, sorted by vaddr,
				  no two on one page (elf_next_segment) */
	uint32_t start;        /* page of the lowest segment */
	uint32_t end;          /* highest vaddr + memsz: brk starts at the
				  page above it */
	bool exec_stack;       /* PT_GNU_STACK asked for an executable stack
				  (no effect without NX, kept for honesty) */
	uint32_t interp_offset; /* PT_INTERP: the interpreter's path in the
				  file, interp_len bytes ending with its NUL */
	uint32_t interp_len;   /* 0: no PT_INTERP (a static program) */
};

/* Where an ET_DYN program is placed, as Linux's ELF_ET_DYN_BASE for an
 * i386 process (arch/x86/include/asm/elf.h since Linux 4.13). */
#define ELF_ET_DYN_BASE 0x00400000u

/* Longest interpreter path, with its NUL (Linux's PATH_MAX). */
#define ELF_INTERP_MAX 4096u

/* Validate the file (data, size) as an executable pagoda can run and fill
 * *img. The whole file is in memory (the initrd); nothing outside
 * [data, data + size) is read, whatever the headers say. Returns 0, with
 * *why set to NULL; or a negative errno, with *why set to a short human
 * reason ("p_filesz exceeds p_memsz", "interpreter path not
 * NUL-terminated") and *img unspecified. -ENOEXEC: not a well-formed i386
 * ELF executable (header, program header table, PT_INTERP's size or
 * terminating NUL, p_align, file bounds, order, entry point). -EIO: the
 * interpreter path is past the end of the file. -EINVAL: well-formed headers
 * asking for a layout that cannot be mapped (p_filesz > p_memsz, a segment
 * past 0xC0000000 or wrapping, p_vaddr and p_offset on different page
 * offsets, two segments on one page, no loadable segment). The table of
 * rules is in docs/elf.md. why may be NULL. */
int elf_parse(const uint8_t *data, size_t size, struct elf_image *img,
	      const char **why);

/* Where elf_parse_src() reads a file that is not all in memory (exec
 * reads it through the page cache): the first avail bytes are at head;
 * anything beyond them comes through read(ctx, off, buf, n), which
 * returns 0 or a negative errno (NULL: the whole file is at head). */
struct elf_src {
	const uint8_t *head;
	size_t avail;
	size_t size;     /* the file's size */
	int (*read)(void *ctx, uint32_t off, void *buf, uint32_t n);
	void *ctx;
};

/* elf_parse() over src; also returns read()'s errors. */
int elf_parse_src(const struct elf_src *src, struct elf_image *img,
		  const char **why);

/* The loadable segments of a file elf_parse_src() accepted into img, one
 * per call, in address order (the program headers are read again from
 * src, so there is no limit on their number, as on Linux). Start with
 * *cursor = 0. Returns 1 with *s filled (vaddr biased), 0 after the last,
 * or read()'s negative errno. */
int elf_next_segment(const struct elf_src *src, const struct elf_image *img,
		     unsigned *cursor, struct elf_segment *s);

/* Move an ET_DYN image so its load bias is bias: entry, phdr_vaddr, start
 * and end follow. The caller has checked that [start, end) moved fits in
 * user space. */
void elf_rebase(struct elf_image *img, uint32_t bias);

#endif
