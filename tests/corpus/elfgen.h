/* tests/corpus/elfgen.h: builds the ELF corpus, a good i386 program and one
 * file per rule of exec/elf.c. Host code, shared by tests/corpus/mkcorpus.c
 * (writes the files and MANIFEST) and tests/host/elf_test.c (parses them).
 * The rules and the layout of the good program are in docs/elf.md. */
#ifndef TESTS_CORPUS_ELFGEN_H
#define TESTS_CORPUS_ELFGEN_H

#include <stddef.h>
#include <stdint.h>

/* The good template's layout (ET_EXEC; an ET_DYN variant is linked at 0).
 * Text covers the headers and ends mid-page; data starts one page later
 * at the same page offset, so one file page holds the end of the text and
 * the start of the data, as GNU ld lays them out. */
#define ELFGEN_BASE        0x08048000u
#define ELFGEN_ENTRY_OFF   0x200u     /* code, at this file offset */
#define ELFGEN_TEXT_FILESZ 0x2123u    /* text: file [0, 0x2123) */
#define ELFGEN_DATA_OFF    0x2123u    /* data: file offset ... */
#define ELFGEN_DATA_VADDR  0x3123u    /* ... and address, from the base */
#define ELFGEN_DATA_FILESZ 0x100u
#define ELFGEN_DATA_MEMSZ  0x2000u    /* bss: the other 0x1f00 bytes */
#define ELFGEN_FILE_SIZE   0x2600u    /* 0xaa garbage after the data */
#define ELFGEN_NOTE_OFF    0x180u     /* an ABI-tag and a property note */
#define ELFGEN_NOTE_SIZE   0x3cu
#define ELFGEN_INTERP_OFF  0x1c0u     /* room for a 63-byte interpreter path */
#define ELFGEN_EXIT_OK     42         /* the program's exit status */

struct elfgen;

/* One corpus file: what elf_parse must say about it, and what the program
 * does when run. */
struct elfgen_case {
	const char *name;      /* file name: good_minimal, phnum_zero ... */
	int err;               /* errno elf_parse returns negated; 0: good */
	const char *err_name;  /* "ENOEXEC", or "0" for a good file */
	int exit_status;       /* exit status when run; -1 if refused */
	void (*make)(struct elfgen *g);  /* changes the good template */
	const char *exec_err_name;  /* what exec says, when it differs from
				  elf_parse (the interpreter is another
				  file): "ENOENT"...; NULL: err_name */
};

/* A file being built: the header and program headers as fields, the rest
 * as bytes. elfgen_build writes the fields into the bytes at the end. */
struct elfgen_phdr {
	uint32_t type, offset, vaddr, filesz, memsz, flags, align;
};

#define ELFGEN_MAX_PH 40

struct elfgen {
	uint8_t ident[16];
	uint16_t type, machine, phentsize;
	uint32_t phnum;        /* e_phnum written (may exceed nph; the rest
				  of the table is left as it is in the file) */
	uint32_t version, entry, phoff;
	struct elfgen_phdr ph[ELFGEN_MAX_PH];
	int nph;               /* entries of ph[] in use */
	uint8_t *file;         /* malloc'd, size bytes */
	size_t size;
	long cut;              /* -1, or the length the file is cut to after
				  the headers are written */
};

/* For the cases (tests/corpus/elfgen_cases.c): changes to the template. */

/* Append a program header; returns its index. */
int elfgen_add_ph(struct elfgen *g, uint32_t type, uint32_t offset,
		  uint32_t vaddr, uint32_t filesz, uint32_t memsz,
		  uint32_t flags, uint32_t align);
/* Insert a program header at index at, moving the others up. */
void elfgen_insert_ph(struct elfgen *g, int at, struct elfgen_phdr ph);
/* Move the program header table to the end of the file, with room for
 * phnum entries (those past nph stay zero: PT_NULL). */
void elfgen_table_at_end(struct elfgen *g, uint32_t phnum);
/* Add bss-only PT_LOADs, one page each, above the data, until there are
 * nloads PT_LOADs, and move the table to the end of the file. */
void elfgen_add_loads(struct elfgen *g, int nloads);

/* The corpus, in MANIFEST order. */
extern const struct elfgen_case elfgen_cases[];
extern const int elfgen_ncases;

/* The case called name, or NULL. */
const struct elfgen_case *elfgen_find(const char *name);

/* Build c into a malloc'd buffer (the caller frees it) and set *size.
 * Returns NULL if out of memory. */
uint8_t *elfgen_build(const struct elfgen_case *c, size_t *size);

#endif
