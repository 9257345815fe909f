/* tests/corpus/elfgen_cases.c: the ELF corpus, one entry per rule of
 * exec/elf.c (docs/elf.md has the table). Each entry is a small change to
 * the good template of tests/corpus/elfgen.c; ph[0] is its text PT_LOAD,
 * ph[1] its data PT_LOAD, ph[2] its PT_GNU_STACK. */
#include "tests/corpus/elfgen.h"

#include <elf.h>
#include <string.h>

#include "kernel/uapi/errno.h"

#define PAGE 0x1000u
#define TEXT 0
#define DATA 1
#define DATA_VADDR (ELFGEN_BASE + ELFGEN_DATA_VADDR)

/* ---- good variants ------------------------------------------------- */

static void good_minimal(struct elfgen *g)
{
	(void)g;  /* the template as it is */
}

static void good_static_pie(struct elfgen *g)
{
	g->type = ET_DYN;
	g->entry -= ELFGEN_BASE;
	g->ph[TEXT].vaddr -= ELFGEN_BASE;
	g->ph[DATA].vaddr -= ELFGEN_BASE;
}

static void good_pt_phdr(struct elfgen *g)
{
	struct elfgen_phdr ph = { PT_PHDR, 52, ELFGEN_BASE + 52, 4 * 32,
				  4 * 32, PF_R, 4 };

	elfgen_insert_ph(g, 0, ph);
}

static void good_notes_tls(struct elfgen *g)
{
	const uint32_t note = ELFGEN_BASE + ELFGEN_NOTE_OFF;

	elfgen_add_ph(g, PT_NOTE, ELFGEN_NOTE_OFF, note, 0x20, 0x20, PF_R, 4);
	elfgen_add_ph(g, PT_TLS, ELFGEN_DATA_OFF, DATA_VADDR, 8, 16, PF_R, 4);
	elfgen_add_ph(g, PT_GNU_PROPERTY, ELFGEN_NOTE_OFF + 0x20, note + 0x20,
		      0x1c, 0x1c, PF_R, 4);
	elfgen_add_ph(g, PT_GNU_RELRO, ELFGEN_DATA_OFF, DATA_VADDR, 0x10, 0x10,
		      PF_R, 1);
}

static void good_align_0(struct elfgen *g)
{
	g->ph[TEXT].align = g->ph[DATA].align = 0;
}

static void good_align_1(struct elfgen *g)
{
	g->ph[TEXT].align = g->ph[DATA].align = 1;
}

static void good_phoff_outside(struct elfgen *g)
{
	elfgen_table_at_end(g, (uint32_t)g->nph);
}

static void good_empty_load(struct elfgen *g)
{
	/* Not page-congruent, and dropped all the same: it maps nothing. */
	elfgen_add_ph(g, PT_LOAD, 0, 0x09000123, 0, 0, PF_R, PAGE);
}

static void good_bss_only_load(struct elfgen *g)
{
	/* p_offset is not congruent, but no file byte is mapped. */
	elfgen_add_ph(g, PT_LOAD, 0x777, 0x08050000, 0, 0x1000, PF_R | PF_W,
		      PAGE);
}

static void good_exec_stack(struct elfgen *g)
{
	g->ph[2].flags |= PF_X;
}

static void good_16_loads(struct elfgen *g)
{
	elfgen_add_loads(g, 16);
}

static void good_table_64k(struct elfgen *g)
{
	elfgen_table_at_end(g, 65536 / 32);
}

/* ---- the file header ------------------------------------------------- */

static void empty_file(struct elfgen *g)
{
	g->cut = 0;
}

static void truncated_header(struct elfgen *g)
{
	g->cut = 40;
}

static void bad_magic(struct elfgen *g)
{
	g->ident[1] = 'e';
}

static void class64(struct elfgen *g)
{
	g->ident[EI_CLASS] = ELFCLASS64;
}

static void big_endian(struct elfgen *g)
{
	g->ident[EI_DATA] = ELFDATA2MSB;
}

static void version_none(struct elfgen *g)
{
	g->ident[EI_VERSION] = EV_NONE;
	g->version = EV_NONE;
}

static void machine_x86_64(struct elfgen *g)
{
	g->machine = EM_X86_64;
}

static void type_rel(struct elfgen *g)
{
	g->type = ET_REL;
}

static void type_core(struct elfgen *g)
{
	g->type = ET_CORE;
}

/* ---- the program header table ---------------------------------------- */

static void phentsize_wrong(struct elfgen *g)
{
	g->phentsize = 56;  /* Elf64_Phdr */
}

static void phnum_zero(struct elfgen *g)
{
	g->phnum = 0;
	g->nph = 0;
}

static void table_past_eof(struct elfgen *g)
{
	g->phoff = (uint32_t)g->size - 40;
}

static void table_over_64k(struct elfgen *g)
{
	elfgen_table_at_end(g, 65536 / 32 + 1);
}

/* ---- PT_INTERP ------------------------------------------------------- */

/* Name path (with its NUL, filesz bytes of the file) as the interpreter,
 * in a PT_INTERP before the PT_LOADs, as linkers place it. The corpus's
 * good static PIE serves as an interpreter: it is position independent
 * and exits 42 without looking at the program. */
static void set_interp(struct elfgen *g, const char *path, uint32_t filesz)
{
	struct elfgen_phdr ph = { PT_INTERP, ELFGEN_INTERP_OFF,
				  ELFGEN_BASE + ELFGEN_INTERP_OFF, filesz,
				  filesz, PF_R, 1 };

	memset(g->file + ELFGEN_INTERP_OFF, 0, ELFGEN_ENTRY_OFF - ELFGEN_INTERP_OFF);
	memcpy(g->file + ELFGEN_INTERP_OFF, path, strlen(path));
	elfgen_insert_ph(g, 0, ph);
}

#define INTERP(path) set_interp(g, path, sizeof(path))

static void good_interp(struct elfgen *g)
{
	INTERP("/corpus/good_static_pie");
}

static void good_pie_with_interp(struct elfgen *g)
{
	good_static_pie(g);
	INTERP("/corpus/good_static_pie");
	g->ph[0].vaddr -= ELFGEN_BASE;
}

static void interp_relative(struct elfgen *g)
{
	INTERP("corpus/good_static_pie");  /* from the cwd, /, as Linux */
}

static void interp_missing(struct elfgen *g)
{
	INTERP("/corpus/no-such-interpreter");
}

static void interp_directory(struct elfgen *g)
{
	INTERP("/corpus");
}

static void interp_not_elf(struct elfgen *g)
{
	INTERP("/corpus/bad_magic");
}

static void interp_x86_64(struct elfgen *g)
{
	INTERP("/corpus/machine_x86_64");
}

static void interp_bad_table(struct elfgen *g)
{
	INTERP("/corpus/table_past_eof");
}

static void interp_relocatable(struct elfgen *g)
{
	INTERP("/corpus/type_rel");
}

static void interp_truncated(struct elfgen *g)
{
	INTERP("/corpus/truncated_header");
}

static void interp_no_nul(struct elfgen *g)
{
	set_interp(g, "/corpus/good_static_pie", 10);
}

static void interp_length_1(struct elfgen *g)
{
	set_interp(g, "", 1);
}

static void interp_past_eof(struct elfgen *g)
{
	INTERP("/corpus/good_static_pie");
	g->ph[0].offset = ELFGEN_FILE_SIZE - 4;
}

/* ---- one PT_LOAD ----------------------------------------------------- */

static void filesz_over_memsz(struct elfgen *g)
{
	g->ph[DATA].memsz = 0x80;
}

static void filesz_without_memsz(struct elfgen *g)
{
	elfgen_add_ph(g, PT_LOAD, 0, 0x09000000, 4, 0, PF_R, PAGE);
}

static void offset_past_eof(struct elfgen *g)
{
	g->ph[DATA].filesz = 0x1000;
}

static void offset_wraps(struct elfgen *g)
{
	g->ph[DATA].offset = 0xfffff123;  /* + p_filesz wraps to 0x123 */
	g->ph[DATA].filesz = 0x1000;
}

static void vaddr_wraps(struct elfgen *g)
{
	g->ph[DATA].vaddr = 0xfffff123;
}

static void reaches_kernel(struct elfgen *g)
{
	g->ph[DATA].memsz = 0xc0000000u - DATA_VADDR + 1;
}

static void load_in_kernel(struct elfgen *g)
{
	g->ph[DATA].vaddr = 0xc0001123;
}

static void empty_load_in_kernel(struct elfgen *g)
{
	elfgen_add_ph(g, PT_LOAD, 0, 0xc0000000, 0, 0, PF_R, PAGE);
}

static void incongruent(struct elfgen *g)
{
	g->ph[DATA].vaddr += 4;
}

static void align_3(struct elfgen *g)
{
	g->ph[DATA].align = 3;
}

/* ---- the PT_LOADs together, and the entry point ---------------------- */

static void unsorted(struct elfgen *g)
{
	struct elfgen_phdr t = g->ph[TEXT];

	g->ph[TEXT] = g->ph[DATA];
	g->ph[DATA] = t;
}

static void overlap(struct elfgen *g)
{
	g->ph[DATA].vaddr -= 2 * PAGE;  /* 0x08049123: inside the text */
}

static void share_page(struct elfgen *g)
{
	/* Right after the text's last byte, on the same page: what
	 * `ld -z max-page-size=0x200` would produce. */
	g->ph[DATA].vaddr -= PAGE;
}

static void no_load(struct elfgen *g)
{
	g->ph[TEXT].type = g->ph[DATA].type = PT_NULL;
}

static void only_empty_loads(struct elfgen *g)
{
	g->ph[TEXT].memsz = g->ph[TEXT].filesz = 0;
	g->ph[DATA].memsz = g->ph[DATA].filesz = 0;
}

static void good_17_loads(struct elfgen *g)
{
	elfgen_add_loads(g, 17);
}

static void good_38_loads(struct elfgen *g)
{
	elfgen_add_loads(g, 38);
}

static void entry_outside(struct elfgen *g)
{
	g->entry = 0x08060000;
}

static void entry_in_data(struct elfgen *g)
{
	g->entry = DATA_VADDR + 0x10;
}

static void entry_in_kernel(struct elfgen *g)
{
	g->entry = 0xc0001000;
}

/* A case is built by the function of the same name. */
#define GOOD(name)   { #name, 0, "0", ELFGEN_EXIT_OK, name, NULL }
#define BAD(name, e) { #name, e, #e, -1, name, NULL }
/* elf_parse accepts the program; exec's look at its interpreter fails. */
#define BAD_INTERP(name, e) { #name, 0, "0", -1, name, #e }

const struct elfgen_case elfgen_cases[] = {
	GOOD(good_minimal),
	GOOD(good_static_pie),
	GOOD(good_pt_phdr),
	GOOD(good_notes_tls),
	GOOD(good_align_0),
	GOOD(good_align_1),
	GOOD(good_phoff_outside),
	GOOD(good_empty_load),
	GOOD(good_bss_only_load),
	GOOD(good_exec_stack),
	GOOD(good_16_loads),
	GOOD(good_17_loads),
	GOOD(good_38_loads),
	GOOD(good_interp),
	GOOD(good_pie_with_interp),
	GOOD(interp_relative),
	GOOD(good_table_64k),
	BAD(empty_file, ENOEXEC),
	BAD(truncated_header, ENOEXEC),
	BAD(bad_magic, ENOEXEC),
	BAD(class64, ENOEXEC),
	BAD(big_endian, ENOEXEC),
	BAD(version_none, ENOEXEC),
	BAD(machine_x86_64, ENOEXEC),
	BAD(type_rel, ENOEXEC),
	BAD(type_core, ENOEXEC),
	BAD(phentsize_wrong, ENOEXEC),
	BAD(phnum_zero, ENOEXEC),
	BAD(table_past_eof, ENOEXEC),
	BAD(table_over_64k, ENOEXEC),
	BAD_INTERP(interp_missing, ENOENT),
	BAD_INTERP(interp_directory, EACCES),
	BAD_INTERP(interp_not_elf, ELIBBAD),
	BAD_INTERP(interp_x86_64, ELIBBAD),
	BAD_INTERP(interp_bad_table, ELIBBAD),
	BAD_INTERP(interp_relocatable, ELIBBAD),
	BAD_INTERP(interp_truncated, EIO),
	BAD(interp_no_nul, ENOEXEC),
	BAD(interp_length_1, ENOEXEC),
	BAD(interp_past_eof, EIO),
	BAD(filesz_over_memsz, EINVAL),
	BAD(filesz_without_memsz, EINVAL),
	BAD(offset_past_eof, ENOEXEC),
	BAD(offset_wraps, ENOEXEC),
	BAD(vaddr_wraps, EINVAL),
	BAD(reaches_kernel, EINVAL),
	BAD(load_in_kernel, EINVAL),
	BAD(empty_load_in_kernel, EINVAL),
	BAD(incongruent, EINVAL),
	BAD(align_3, ENOEXEC),
	BAD(unsorted, ENOEXEC),
	BAD(overlap, EINVAL),
	BAD(share_page, EINVAL),
	BAD(no_load, EINVAL),
	BAD(only_empty_loads, EINVAL),
	BAD(entry_outside, ENOEXEC),
	BAD(entry_in_data, ENOEXEC),
	BAD(entry_in_kernel, EINVAL),
};

const int elfgen_ncases = sizeof(elfgen_cases) / sizeof(elfgen_cases[0]);
