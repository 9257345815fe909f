/* tests/corpus/elfgen.c: the ELF corpus generator (see elfgen.h): the good
 * template with its hand-assembled program, and the table of cases, each a
 * small change to the template. */
#include "tests/corpus/elfgen.h"

#include <elf.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define PAGE      0x1000u
#define EHDR_SIZE 52u
#define PHDR_SIZE 32u
#define MSG_OFF   0x300u  /* the message the program writes */

/* The program, position independent so the ET_DYN variant runs too. It
 * checks the data and bss the loader made and exits with the number of
 * the first failed check, or writes "elf corpus: ok\n" and exits with 42.
 * ebp = data segment start D (D = 0x0804b123 in the ET_EXEC file). */
static const uint8_t code[] = {
	0xe8, 0, 0, 0, 0,                   /* call 1f; 1: (entry + 5) */
	0x5e,                               /* pop esi: esi = entry + 5 */
	0x8d, 0xae, 0x1e, 0x2f, 0, 0,       /* lea ebp, [esi + 0x2f1e] */
	/* 1: the data word has its initial value */
	0xbf, 1, 0, 0, 0,                   /* mov edi, 1 */
	0x81, 0x7d, 0x00, 0x78, 0x56, 0x34, 0x12,  /* cmp [ebp], 0x12345678 */
	0x0f, 0x85, 0x96, 0, 0, 0,          /* jne fail */
	/* 2: so does the last word of the file data */
	0xbf, 2, 0, 0, 0,
	0x81, 0xbd, 0xfc, 0, 0, 0, 0xbe, 0xba, 0xfe, 0xca,  /* [ebp+0xfc] */
	0x0f, 0x85, 0x81, 0, 0, 0,
	/* 3, 4, 5: bss in the last file page reads 0 (file holds 0xaa) */
	0xbf, 3, 0, 0, 0,
	0x83, 0xbd, 0x00, 0x01, 0, 0, 0,    /* cmp [ebp + 0x100], 0 */
	0x75, 0x73,
	0xbf, 4, 0, 0, 0,
	0x83, 0xbd, 0xdd, 0x02, 0, 0, 0,    /* cmp [ebp + 0x2dd], 0 */
	0x75, 0x65,
	0xbf, 5, 0, 0, 0,
	0x83, 0xbd, 0xd9, 0x0e, 0, 0, 0,    /* cmp [ebp + 0xed9], 0 */
	0x75, 0x57,
	/* 6: the last bss word, two pages further, reads 0 */
	0xbf, 6, 0, 0, 0,
	0x83, 0xbd, 0xfc, 0x1f, 0, 0, 0,    /* cmp [ebp + 0x1ffc], 0 */
	0x75, 0x49,
	/* 7, 8: data and bss are writable */
	0xbf, 7, 0, 0, 0,
	0xc7, 0x45, 0x04, 0xaa, 0x55, 0xaa, 0x55,  /* mov [ebp+4], 0x55aa55aa */
	0x81, 0x7d, 0x04, 0xaa, 0x55, 0xaa, 0x55,  /* cmp [ebp+4], 0x55aa55aa */
	0x75, 0x34,
	0xbf, 8, 0, 0, 0,
	0xc7, 0x85, 0xfc, 0x1f, 0, 0, 0x77, 0, 0, 0,  /* mov [ebp+0x1ffc], */
	0x83, 0xbd, 0xfc, 0x1f, 0, 0, 0x77,           /* cmp [ebp+0x1ffc], */
	0x75, 0x1c,                                   /* ... 0x77 */
	/* write(1, message, 15); status 42 */
	0xb8, 4, 0, 0, 0,                   /* mov eax, 4 (write) */
	0xbb, 1, 0, 0, 0,                   /* mov ebx, 1 */
	0x8d, 0x8e, 0xfb, 0, 0, 0,          /* lea ecx, [esi + 0xfb] */
	0xba, 15, 0, 0, 0,                  /* mov edx, 15 */
	0xcd, 0x80,                         /* int 0x80 */
	0xbf, 42, 0, 0, 0,                  /* mov edi, 42 */
	/* fail: exit_group(edi), then exit(edi) */
	0x89, 0xfb,                         /* mov ebx, edi */
	0xb8, 252, 0, 0, 0, 0xcd, 0x80,
	0xb8, 1, 0, 0, 0, 0xcd, 0x80,
};
_Static_assert(ELFGEN_DATA_VADDR - (ELFGEN_ENTRY_OFF + 5) == 0x2f1e,
	       "the lea ebp displacement in code[]");
_Static_assert(MSG_OFF - (ELFGEN_ENTRY_OFF + 5) == 0xfb,
	       "the lea ecx displacement in code[]");

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/* Grow (zero-filled) or shrink the file; false if out of memory. */
static bool resize(struct elfgen *g, size_t size)
{
	uint8_t *f = realloc(g->file, size ? size : 1);

	if (!f)
		return false;
	if (size > g->size)
		memset(f + g->size, 0, size - g->size);
	g->file = f;
	g->size = size;
	return true;
}

int elfgen_add_ph(struct elfgen *g, uint32_t type, uint32_t offset,
		  uint32_t vaddr, uint32_t filesz, uint32_t memsz,
		  uint32_t flags, uint32_t align)
{
	if (g->nph == ELFGEN_MAX_PH)
		abort();  /* a case asks for more than the table holds */
	g->ph[g->nph] = (struct elfgen_phdr){ type, offset, vaddr, filesz,
					      memsz, flags, align };
	return g->nph++;
}

void elfgen_insert_ph(struct elfgen *g, int at, struct elfgen_phdr ph)
{
	elfgen_add_ph(g, 0, 0, 0, 0, 0, 0, 0);
	memmove(&g->ph[at + 1], &g->ph[at],
		(size_t)(g->nph - 1 - at) * sizeof(ph));
	g->ph[at] = ph;
}

/* A note: namesz, descsz, type, "GNU\0", then desc (4-byte aligned). */
static uint32_t put_note(uint8_t *p, uint32_t type, const uint32_t *desc,
			 uint32_t nwords)
{
	put32(p, 4);
	put32(p + 4, nwords * 4);
	put32(p + 8, type);
	memcpy(p + 12, "GNU", 4);
	for (uint32_t i = 0; i < nwords; i++)
		put32(p + 16 + 4 * i, desc[i]);
	return 16 + nwords * 4;
}

/* The good ET_EXEC: text (headers, notes, code, message), data with bss,
 * PT_GNU_STACK; 0xaa garbage after the data to the end of the file. */
static bool template(struct elfgen *g)
{
	static const uint32_t abi_tag[] = { 0, 3, 2, 0 };  /* Linux 3.2.0 */
	static const uint32_t x86_feature[] = { 0xc0000002, 4, 0 };
	uint8_t *d;

	memset(g, 0, sizeof(*g));
	if (!resize(g, ELFGEN_FILE_SIZE))
		return false;
	memcpy(g->ident, "\x7f" "ELF\x01\x01\x01", 7);  /* 32, LSB, current */
	g->type = ET_EXEC;
	g->machine = EM_386;
	g->version = 1;
	g->entry = ELFGEN_BASE + ELFGEN_ENTRY_OFF;
	g->phoff = EHDR_SIZE;
	g->phentsize = PHDR_SIZE;
	g->cut = -1;
	elfgen_add_ph(g, PT_LOAD, 0, ELFGEN_BASE, ELFGEN_TEXT_FILESZ,
		      ELFGEN_TEXT_FILESZ, PF_R | PF_X, PAGE);
	elfgen_add_ph(g, PT_LOAD, ELFGEN_DATA_OFF,
		      ELFGEN_BASE + ELFGEN_DATA_VADDR, ELFGEN_DATA_FILESZ,
		      ELFGEN_DATA_MEMSZ, PF_R | PF_W, PAGE);
	elfgen_add_ph(g, PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 16);

	uint32_t n = put_note(g->file + ELFGEN_NOTE_OFF, 1, abi_tag, 4);
	put_note(g->file + ELFGEN_NOTE_OFF + n, 5, x86_feature, 3);
	memcpy(g->file + ELFGEN_INTERP_OFF, "/lib/ld-linux.so.2", 19);
	memcpy(g->file + ELFGEN_ENTRY_OFF, code, sizeof(code));
	memcpy(g->file + MSG_OFF, "elf corpus: ok\n", 15);
	d = g->file + ELFGEN_DATA_OFF;
	memset(d, 0x11, ELFGEN_DATA_FILESZ);
	put32(d, 0x12345678);
	put32(d + ELFGEN_DATA_FILESZ - 4, 0xcafebabe);
	memset(d + ELFGEN_DATA_FILESZ, 0xaa,
	       ELFGEN_FILE_SIZE - ELFGEN_DATA_OFF - ELFGEN_DATA_FILESZ);
	return true;
}

/* Write the header and program headers into the file (as much of the
 * table as lies inside it), then cut the file if the case asks. */
static void finish(struct elfgen *g)
{
	uint8_t eh[EHDR_SIZE] = { 0 };

	memcpy(eh, g->ident, 16);
	put16(eh + 16, g->type);
	put16(eh + 18, g->machine);
	put32(eh + 20, g->version);
	put32(eh + 24, g->entry);
	put32(eh + 28, g->phoff);
	put16(eh + 40, EHDR_SIZE);
	put16(eh + 42, g->phentsize);
	put16(eh + 44, g->phnum ? g->phnum : (uint32_t)g->nph);
	memcpy(g->file, eh, g->size < EHDR_SIZE ? g->size : EHDR_SIZE);
	for (int i = 0; i < g->nph; i++) {
		const struct elfgen_phdr *p = &g->ph[i];
		uint8_t b[PHDR_SIZE];
		uint64_t at = (uint64_t)g->phoff + (uint64_t)i * PHDR_SIZE;

		put32(b, p->type);
		put32(b + 4, p->offset);
		put32(b + 8, p->vaddr);
		put32(b + 12, p->vaddr);  /* p_paddr, as linkers write it */
		put32(b + 16, p->filesz);
		put32(b + 20, p->memsz);
		put32(b + 24, p->flags);
		put32(b + 28, p->align);
		for (uint32_t k = 0; k < PHDR_SIZE && at + k < g->size; k++)
			g->file[at + k] = b[k];
	}
	if (g->cut >= 0 && (size_t)g->cut < g->size)
		g->size = (size_t)g->cut;
}

/* ---- helpers for the cases (tests/corpus/elfgen_cases.c) --------------- */

void elfgen_table_at_end(struct elfgen *g, uint32_t phnum)
{
	g->phoff = (uint32_t)g->size;
	g->phnum = phnum;
	if (!resize(g, g->size + (size_t)phnum * PHDR_SIZE))
		abort();
}

void elfgen_add_loads(struct elfgen *g, int nloads)
{
	for (int i = 2; i < nloads; i++)
		elfgen_add_ph(g, PT_LOAD, 0, 0x08060000u + (uint32_t)i * PAGE,
			      0, 0x100, PF_R, PAGE);
	elfgen_table_at_end(g, (uint32_t)g->nph);
}

const struct elfgen_case *elfgen_find(const char *name)
{
	for (int i = 0; i < elfgen_ncases; i++)
		if (strcmp(elfgen_cases[i].name, name) == 0)
			return &elfgen_cases[i];
	return NULL;
}

uint8_t *elfgen_build(const struct elfgen_case *c, size_t *size)
{
	struct elfgen g;

	if (!template(&g))
		return NULL;
	if (c->make)
		c->make(&g);
	finish(&g);
	*size = g.size;
	return g.file;
}
