/* tests/fuzz/fuzz_elf.c: any bytes through the ELF validator
 * (exec/elf.c), whole and through the paged reader exec uses. Whatever it
 * accepts must describe a mappable image: file parts inside the file and
 * below the kernel, in order, each file part no longer than its memory
 * part, the entry point inside an executable segment. Both readers must
 * agree. */
#include <stdbool.h>
#include <string.h>

#include "exec/elf.h"
#include "kernel/uapi/errno.h"
#include "mm/memlayout.h"
#include "tests/fuzz/fuzz.h"

/* elf_parse_src's read callback over the same bytes, to fuzz the paged
 * path too: only the first 64 bytes are "in memory". */
struct bytes {
	const uint8_t *data;
	size_t size;
};

static int read_at(void *ctx, uint32_t off, void *buf, uint32_t n)
{
	const struct bytes *b = ctx;
	FUZZ_CHECK(off <= b->size && n <= b->size - off);  /* never past EOF */
	memcpy(buf, b->data + off, n);
	return 0;
}

static void check_image(const uint8_t *data, const struct elf_image *img,
			size_t size)
{
	struct elf_src src = { data, size, size, NULL, NULL };
	struct elf_segment s, prev = { 0, 0, 0, 0, 0 };
	unsigned cursor = 0;
	int n = 0;
	bool entry_ok = false;

	while (elf_next_segment(&src, img, &cursor, &s) == 1) {
		FUZZ_CHECK(s.filesz <= s.memsz);
		FUZZ_CHECK(s.filesz == 0 ||  /* no file part: bss only */
			   (s.offset <= size && s.filesz <= size - s.offset));
		FUZZ_CHECK(s.vaddr + s.memsz >= s.vaddr);
		FUZZ_CHECK(s.vaddr + s.memsz <= USER_TOP);
		FUZZ_CHECK(s.filesz == 0 ||
			   s.vaddr % PAGE_SIZE == s.offset % PAGE_SIZE);
		if (n > 0)
			FUZZ_CHECK(s.vaddr >= prev.vaddr + prev.memsz);
		if ((s.prot & ELF_PROT_X) && img->entry >= s.vaddr &&
		    img->entry - s.vaddr < s.memsz)
			entry_ok = true;
		prev = s;
		n++;
	}
	FUZZ_CHECK(n == img->nsegments && n > 0);
	FUZZ_CHECK(entry_ok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_image whole, paged;
	const char *why = NULL;
	int r = elf_parse(data, size, &whole, &why);
	FUZZ_CHECK(r == 0 || r == -ENOEXEC || r == -EINVAL || r == -EIO);
	FUZZ_CHECK(r == 0 || why != NULL);
	if (r == 0)
		check_image(data, &whole, size);

	struct bytes b = { data, size };
	struct elf_src src = { data, size < 64 ? size : 64, size, read_at, &b };
	int r2 = elf_parse_src(&src, &paged, NULL);
	FUZZ_CHECK(r2 == r);
	if (r == 0) {
		FUZZ_CHECK(paged.entry == whole.entry);
		FUZZ_CHECK(memcmp(&paged, &whole, sizeof(whole)) == 0);
	}
	return 0;
}
