/* tests/fuzz/fuzz.h: the host fuzz targets of pagoda's parsers. Each
 * fuzz_*.c defines LLVMFuzzerTestOneInput for one parser; it is linked
 * either with libFuzzer (clang, `make fuzz-host`) or with replay.c (gcc,
 * ASan and UBSan), which runs saved inputs through it for `make test`.
 * docs/testing.md says how to use both. */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Parse data[0..size) with the target's parser and check what the parser
 * promises about its result; abort() on a broken promise. Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() with a message naming the broken promise when cond is false. */
#define FUZZ_CHECK(cond)                                                    \
	do {                                                                \
		if (!(cond))                                                \
			fuzz_fail(__FILE__, __LINE__, #cond);               \
	} while (0)

__attribute__((noreturn)) void fuzz_fail(const char *file, int line,
					 const char *what);

#endif
