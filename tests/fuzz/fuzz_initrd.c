/* tests/fuzz/fuzz_initrd.c: any bytes through the cpio "newc" reader
 * (exec/initrd.c). An archive it accepts must index only files whose data
 * lies inside the archive, and every indexed path must be found again by
 * initrd_lookup; a refused one must say why. */
#include <stdlib.h>
#include <string.h>

#include "exec/initrd.h"
#include "tests/fuzz/fuzz.h"

struct walk {
	const struct initrd *rd;
	const uint8_t *base;
	size_t size;
	size_t seen;
};

static void check_file(struct initrd_file *f, void *ctx)
{
	struct walk *w = ctx;
	const uint8_t *d = f->vmf.data;
	FUZZ_CHECK(f->vmf.size == 0 ||
		   (d >= w->base && d <= w->base + w->size &&
		    f->vmf.size <= (size_t)(w->base + w->size - d)));
	FUZZ_CHECK(f->vmf.path && f->vmf.path[0] == '/');
	FUZZ_CHECK(initrd_lookup(w->rd, f->vmf.path) == f);
	w->seen++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so ASan sees any read past the end. */
	uint8_t *copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	struct initrd_error err = { 0 };
	struct initrd *rd = initrd_parse(copy, size, &err);
	if (rd) {
		struct walk w = { rd, copy, size, 0 };
		initrd_foreach(rd, check_file, &w);
		FUZZ_CHECK(w.seen == initrd_count(rd));
		initrd_free(rd);
	} else {
		FUZZ_CHECK(err.why != NULL);
	}
	free(copy);
	return 0;
}
