/* tests/host/elf_test.c: host unit tests of exec/elf.c. Every corpus file
 * (tests/corpus/elfgen.h) gets its expected errno; the good ones get their
 * fields checked; truncations and random corruptions must fail cleanly
 * (each buffer is malloc'd at its exact size, so ASan sees any over-read).
 * Real binaries linked by the host's toolchain: elf_real_test.c. */
#include "exec/elf.h"

#include <stdio.h>
#include <stdlib.h>

#include "kernel/uapi/errno.h"
#include "mm/memlayout.h"
#include "tests/corpus/elfgen.h"
#include "tests/host/elf_check.h"
#include "tests/host/hosttest.h"

#define B ELFGEN_BASE

/* The bytes last parsed by parse_exact, kept for seg() until the next. */
static uint8_t *kept;
static size_t kept_size;

/* Parse a copy of data[0, size) that has exactly size bytes. */
static int parse_exact(const uint8_t *data, size_t size, struct elf_image *img,
		       const char **why)
{
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		abort();
	memcpy(copy, data, size);
	free(kept);
	kept = copy;
	kept_size = size;
	return elf_parse(copy, size, img, why);
}

/* Segment i of the image data holds (elf_next_segment); false if none. */
static bool seg_of(const uint8_t *data, size_t size,
		   const struct elf_image *img, int i, struct elf_segment *s)
{
	struct elf_src src = { data, size, size, NULL, NULL };
	unsigned cursor = 0;

	for (int k = 0; k <= i; k++)
		if (elf_next_segment(&src, img, &cursor, s) != 1)
			return false;
	return true;
}

/* Segment i of the image parse_exact parsed last. */
static struct elf_segment seg(const struct elf_image *img, int i)
{
	struct elf_segment s = { 0, 0, 0, 0, 0 };

	seg_of(kept, kept_size, img, i, &s);
	return s;
}

/* Build the corpus case called name and parse it. */
static int parse_case(const char *name, struct elf_image *img, const char **why)
{
	const struct elfgen_case *c = elfgen_find(name);
	size_t size;
	uint8_t *data;
	int err;

	if (!c || !(data = elfgen_build(c, &size)))
		abort();
	err = parse_exact(data, size, img, why);
	free(data);
	return err;
}

/* What every accepted image of the bytes data promises (exec/elf.h);
 * prints what is broken. Shared with elf_real_test.c (elf_check.h). */
bool image_ok(const uint8_t *data, const struct elf_image *img, size_t size)
{
	const char *bad = NULL;
	bool entry_x = false;
	struct elf_segment prev = { 0, 0, 0, 0, 0 }, one;
	const struct elf_segment *s = &one;

	if (img->nsegments < 1)
		bad = "segment count";
	for (int i = 0; !bad && i < img->nsegments; i++, prev = one) {
		if (!seg_of(data, size, img, i, &one)) {
			bad = "segment count";
			break;
		}
		uint64_t end = (uint64_t)s->vaddr + s->memsz;

		if (s->memsz == 0 || s->filesz > s->memsz || end > USER_TOP)
			bad = "segment sizes";
		else if (s->filesz && (uint64_t)s->offset + s->filesz > size)
			bad = "segment file range";
		else if (s->filesz && (s->vaddr - s->offset) % PAGE_SIZE)
			bad = "page congruence";
		else if (i > 0 &&
			 PAGE_ROUND_DOWN(s->vaddr) <
				 PAGE_ROUND_UP(prev.vaddr + prev.memsz))
			bad = "order, overlap, shared page";
		else if (end > img->end)
			bad = "end";
		if (img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz)
			entry_x = s->prot & ELF_PROT_X;
	}
	if (!bad && !entry_x)
		bad = "entry in an executable segment";
	if (bad)
		printf("# accepted image breaks: %s\n", bad);
	return !bad;
}

/* ---- the corpus ------------------------------------------------------ */

HOSTTEST(elf, corpus_cases_give_expected_errno)
{
	for (int i = 0; i < elfgen_ncases; i++) {
		const struct elfgen_case *c = &elfgen_cases[i];
		struct elf_image img;
		const char *why = "unset";
		size_t size;
		uint8_t *data = elfgen_build(c, &size);
		int err;

		ASSERT_NOT_NULL(data);
		err = parse_exact(data, size, &img, &why);
		if (err != -c->err || (err == 0) != (why == NULL) ||
		    (err == 0 && !image_ok(data, &img, size))) {
			printf("# %s: got %d (%s), expected -%s\n", c->name,
			       err, why ? why : "no reason", c->err_name);
			hosttest_fail(t, __FILE__, __LINE__, "corpus case", err,
				      -c->err, true);
		}
		free(data);
	}
}

/* The reason each refused corpus file gets: proof that it breaks the rule
 * it was made for and not another one with the same errno. */
static const struct {
	const char *name, *why;
} reasons[] = {
	{ "empty_file", "file shorter than the ELF header" },
	{ "truncated_header", "file shorter than the ELF header" },
	{ "bad_magic", "not an ELF file (bad magic)" },
	{ "class64", "not a 32-bit ELF file" },
	{ "big_endian", "not a little-endian ELF file" },
	{ "version_none", "unknown ELF version" },
	{ "machine_x86_64", "not an i386 program (e_machine)" },
	{ "type_rel", "relocatable object, not linked" },
	{ "type_core", "core dump, not a program" },
	{ "phentsize_wrong", "e_phentsize is not 32" },
	{ "phnum_zero", "no program headers" },
	{ "table_past_eof", "program header table past the end of the file" },
	{ "table_over_64k", "program header table over 64 KiB" },
	{ "interp_no_nul", "interpreter path not NUL-terminated" },
	{ "interp_length_1", "interpreter path of a bad length" },
	{ "interp_past_eof", "interpreter path past the end of the file" },
	{ "filesz_over_memsz", "p_filesz exceeds p_memsz" },
	{ "filesz_without_memsz", "p_filesz exceeds p_memsz" },
	{ "offset_past_eof", "segment extends past the end of the file" },
	{ "offset_wraps", "segment extends past the end of the file" },
	{ "vaddr_wraps", "segment wraps around 4 GiB" },
	{ "reaches_kernel", "segment reaches into kernel space" },
	{ "load_in_kernel", "segment reaches into kernel space" },
	{ "empty_load_in_kernel", "segment reaches into kernel space" },
	{ "incongruent", "p_vaddr and p_offset differ modulo 4096" },
	{ "align_3", "p_align is not a power of two" },
	{ "unsorted", "segments not sorted by address" },
	{ "overlap", "segments overlap" },
	{ "share_page", "segments share a page" },
	{ "no_load", "no loadable segment" },
	{ "only_empty_loads", "no loadable segment" },
	{ "entry_outside", "entry point outside every segment" },
	{ "entry_in_data", "entry point in a non-executable segment" },
	{ "entry_in_kernel", "entry point in kernel space" },
};

HOSTTEST(elf, corpus_refusals_give_their_reason)
{
	size_t nreasons = sizeof(reasons) / sizeof(reasons[0]);
	int nbad = 0;

	for (int i = 0; i < elfgen_ncases; i++)
		nbad += elfgen_cases[i].err != 0;
	EXPECT_EQ(nbad, nreasons); /* every refused case is listed */
	for (size_t i = 0; i < nreasons; i++) {
		struct elf_image img;
		const char *why = NULL;

		ASSERT_NOT_NULL(elfgen_find(reasons[i].name));
		EXPECT_NE(parse_case(reasons[i].name, &img, &why), 0);
		if (!why || strcmp(why, reasons[i].why) != 0)
			printf("# %s: reason \"%s\"\n", reasons[i].name,
			       why ? why : "(none)");
		EXPECT_STREQ(why, reasons[i].why);
	}
}

HOSTTEST(elf, corpus_names_are_unique)
{
	for (int i = 0; i < elfgen_ncases; i++)
		EXPECT_PTR_EQ(elfgen_find(elfgen_cases[i].name),
			      &elfgen_cases[i]);
}

HOSTTEST(elf, minimal_fields)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_minimal", &img, &why), 0);
	EXPECT_NULL(why);
	EXPECT_EQ(img.entry, B + ELFGEN_ENTRY_OFF);
	EXPECT_EQ(img.phdr_vaddr, B + 52); /* e_phoff inside the text */
	EXPECT_EQ(img.phnum, 3);
	EXPECT_EQ(img.phentsize, 32);
	EXPECT_EQ(img.load_bias, 0);
	EXPECT_FALSE(img.exec_stack);
	ASSERT_EQ(img.nsegments, 2);
	EXPECT_EQ(seg(&img, 0).vaddr, B);
	EXPECT_EQ(seg(&img, 0).memsz, ELFGEN_TEXT_FILESZ);
	EXPECT_EQ(seg(&img, 0).offset, 0);
	EXPECT_EQ(seg(&img, 0).filesz, ELFGEN_TEXT_FILESZ);
	EXPECT_EQ(seg(&img, 0).prot, ELF_PROT_R | ELF_PROT_X);
	EXPECT_EQ(seg(&img, 1).vaddr, B + ELFGEN_DATA_VADDR);
	EXPECT_EQ(seg(&img, 1).memsz, ELFGEN_DATA_MEMSZ);
	EXPECT_EQ(seg(&img, 1).offset, ELFGEN_DATA_OFF);
	EXPECT_EQ(seg(&img, 1).filesz, ELFGEN_DATA_FILESZ);
	EXPECT_EQ(seg(&img, 1).prot, ELF_PROT_R | ELF_PROT_W);
	EXPECT_EQ(img.end, B + ELFGEN_DATA_VADDR + ELFGEN_DATA_MEMSZ);
}

HOSTTEST(elf, static_pie_is_moved_by_the_load_bias)
{
	struct elf_image img;
	const char *why;
	const uint32_t base = ELF_ET_DYN_BASE;

	ASSERT_EQ(parse_case("good_static_pie", &img, &why), 0);
	EXPECT_EQ(img.load_bias, base);
	EXPECT_EQ(img.entry, base + ELFGEN_ENTRY_OFF);
	EXPECT_EQ(img.phdr_vaddr, base + 52);
	ASSERT_EQ(img.nsegments, 2);
	EXPECT_EQ(seg(&img, 0).vaddr, base);
	EXPECT_EQ(seg(&img, 1).vaddr, base + ELFGEN_DATA_VADDR);
	EXPECT_EQ(seg(&img, 1).offset, ELFGEN_DATA_OFF); /* not biased */
	EXPECT_EQ(img.end, base + ELFGEN_DATA_VADDR + ELFGEN_DATA_MEMSZ);
}

HOSTTEST(elf, phdr_vaddr_prefers_pt_phdr)
{
	const struct elfgen_case *c = elfgen_find("good_pt_phdr");
	struct elf_image img;
	const char *why;
	size_t size;
	uint8_t *data = elfgen_build(c, &size);

	ASSERT_NOT_NULL(data);
	EXPECT_EQ(parse_exact(data, size, &img, &why), 0);
	EXPECT_EQ(img.phdr_vaddr, B + 52);
	EXPECT_EQ(img.phnum, 4);
	/* A PT_PHDR that disagrees with the table's place wins (it is what
	 * the program's own startup code reads). */
	data[52 + 8] = 0x40; /* PT_PHDR's p_vaddr: 0x08048040 */
	EXPECT_EQ(parse_exact(data, size, &img, &why), 0);
	EXPECT_EQ(img.phdr_vaddr, B + 0x40);
	free(data);
}

HOSTTEST(elf, phdr_vaddr_zero_when_table_not_loaded)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_phoff_outside", &img, &why), 0);
	EXPECT_EQ(img.phdr_vaddr, 0);
}

HOSTTEST(elf, empty_load_dropped_bss_only_kept)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_empty_load", &img, &why), 0);
	EXPECT_EQ(img.nsegments, 2);
	ASSERT_EQ(parse_case("good_bss_only_load", &img, &why), 0);
	ASSERT_EQ(img.nsegments, 3);
	EXPECT_EQ(seg(&img, 2).filesz, 0);
	EXPECT_EQ(seg(&img, 2).memsz, 0x1000);
	EXPECT_EQ(img.end, 0x08051000);
}

HOSTTEST(elf, exec_stack_and_no_segment_limit)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_exec_stack", &img, &why), 0);
	EXPECT_TRUE(img.exec_stack);
	ASSERT_EQ(parse_case("good_17_loads", &img, &why), 0);
	EXPECT_EQ(img.nsegments, 17);
	ASSERT_EQ(parse_case("good_38_loads", &img, &why), 0);
	EXPECT_EQ(img.nsegments, 38);
	EXPECT_EQ(seg(&img, 37).vaddr, 0x08060000u + 37 * 0x1000);
}

HOSTTEST(elf, interp_path_is_found)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_interp", &img, &why), 0);
	EXPECT_EQ(img.interp_offset, ELFGEN_INTERP_OFF);
	EXPECT_EQ(img.interp_len, sizeof("/corpus/good_static_pie"));
	EXPECT_EQ(img.load_bias, 0);
	/* A PIE with an interpreter: its first page at ELF_ET_DYN_BASE. */
	ASSERT_EQ(parse_case("good_pie_with_interp", &img, &why), 0);
	EXPECT_TRUE(img.dyn);
	EXPECT_EQ(img.load_bias, ELF_ET_DYN_BASE);
	EXPECT_EQ(img.start, ELF_ET_DYN_BASE);
	EXPECT_EQ(img.interp_len, sizeof("/corpus/good_static_pie"));
	/* Without one, interp_len is 0; the reason may be ignored. */
	ASSERT_EQ(parse_case("good_minimal", &img, NULL), 0);
	EXPECT_EQ(img.interp_len, 0);
	EXPECT_EQ(parse_case("interp_no_nul", &img, NULL), -ENOEXEC);
}

HOSTTEST(elf, rebase_moves_an_interpreter)
{
	struct elf_image img;
	const char *why;

	ASSERT_EQ(parse_case("good_static_pie", &img, &why), 0);
	elf_rebase(&img, 0xb7f00000u);
	EXPECT_EQ(img.load_bias, 0xb7f00000u);
	EXPECT_EQ(img.start, 0xb7f00000u);
	EXPECT_EQ(img.entry, 0xb7f00000u + ELFGEN_ENTRY_OFF);
	EXPECT_EQ(img.phdr_vaddr, 0xb7f00000u + 52);
	EXPECT_EQ(img.end, 0xb7f00000u + ELFGEN_DATA_VADDR + ELFGEN_DATA_MEMSZ);
	EXPECT_EQ(seg(&img, 1).vaddr, 0xb7f00000u + ELFGEN_DATA_VADDR);
}

/* ---- robustness ------------------------------------------------------ */

/* Parse every prefix of a good file: it is accepted exactly when the
 * prefix holds every byte the headers point at (need). */
static void check_truncations(struct hosttest *t, const char *name, size_t need)
{
	const struct elfgen_case *c = elfgen_find(name);
	struct elf_image img;
	const char *why;
	size_t size;
	uint8_t *data = elfgen_build(c, &size);

	ASSERT_NOT_NULL(data);
	for (size_t len = 0; len <= size; len++) {
		int err = parse_exact(data, len, &img, &why);

		if ((err == 0) != (len >= need) || (err && !why)) {
			printf("# %s cut to %zu bytes: %d\n", name, len, err);
			hosttest_fail(t, __FILE__, __LINE__, "truncation", err,
				      (long long)len, true);
			break;
		}
	}
	free(data);
}

HOSTTEST(elf, every_truncation_fails_cleanly)
{
	const size_t data_end = ELFGEN_DATA_OFF + ELFGEN_DATA_FILESZ;

	check_truncations(t, "good_minimal", data_end);
	check_truncations(t, "good_static_pie", data_end);
	check_truncations(t, "good_notes_tls", data_end);
	/* The table is the file's last bytes there. */
	check_truncations(t, "good_phoff_outside", ELFGEN_FILE_SIZE + 3 * 32);
}

/* A small deterministic generator, so a failure replays exactly. */
static uint32_t rng_next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Corrupt nbytes random bytes of a good file, iterations times; half the
 * changes land in the headers, where they matter. Every result must be
 * 0 with a sound image, or -ENOEXEC / -EINVAL with a reason. */
static void corrupt(struct hosttest *t, const char *name, int nbytes,
		    int iterations, uint32_t seed)
{
	const struct elfgen_case *c = elfgen_find(name);
	struct elf_image img;
	const char *why;
	size_t size;
	uint8_t *good = elfgen_build(c, &size), *buf;
	int accepted = 0, noexec = 0, inval = 0;

	ASSERT_NOT_NULL(good);
	buf = malloc(size);
	ASSERT_NOT_NULL(buf);
	for (int i = 0; i < iterations; i++) {
		memcpy(buf, good, size);
		for (int k = 0; k < nbytes; k++) {
			uint32_t r = rng_next(&seed);
			size_t at = r & 1 ? (r >> 8) % 0x180 : (r >> 8) % size;

			buf[at] = (uint8_t)rng_next(&seed);
		}
		int err = elf_parse(buf, size, &img, &why);
		if (err == 0 ? !image_ok(buf, &img, size)
			     : (err != -ENOEXEC && err != -EINVAL &&
				err != -EIO) || !why) {
			printf("# %s, corruption %d (seed state %#x): %d\n",
			       name, i, (unsigned)seed, err);
			hosttest_fail(t, __FILE__, __LINE__, "corruption", err,
				      0, true);
			break;
		}
		err == 0 ? accepted++ : err == -ENOEXEC ? noexec++ : inval++;
	}
	printf("# %s, %d x %d byte(s): %d accepted, %d ENOEXEC, %d EINVAL\n",
	       name, iterations, nbytes, accepted, noexec, inval);
	free(buf);
	free(good);
}

HOSTTEST(elf, random_corruptions_fail_cleanly)
{
	corrupt(t, "good_minimal", 1, 20000, 0x5eed0001);
	corrupt(t, "good_minimal", 4, 20000, 0x5eed0002);
	corrupt(t, "good_static_pie", 2, 10000, 0x5eed0003);
	corrupt(t, "good_pt_phdr", 2, 10000, 0x5eed0004);
	corrupt(t, "good_notes_tls", 2, 10000, 0x5eed0005);
	corrupt(t, "good_16_loads", 2, 10000, 0x5eed0006);
	corrupt(t, "good_interp", 2, 10000, 0x5eed0007);
}
