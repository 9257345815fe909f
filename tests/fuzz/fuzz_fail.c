/* tests/fuzz/fuzz_fail.c: how every fuzz target reports a broken promise. */
#include <stdio.h>
#include <stdlib.h>

#include "tests/fuzz/fuzz.h"

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: promise broken: %s\n", file, line, what);
	abort();
}
