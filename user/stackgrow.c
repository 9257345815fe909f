/* user/stackgrow.c: `stackgrow N` grows the stack by N KiB and touches
 * every page, top down, as a deep call chain would. Up to the 8 MiB stack
 * limit the kernel must grow the stack (exit 0); past it, SIGSEGV. */
#include <alloca.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define PAGE 4096

/* Not inlined, so the alloca'd block is this frame's, below main's. */
__attribute__((noinline)) static int grow(size_t kib)
{
	size_t n = kib * 1024;
	volatile uint8_t *block = alloca(n);

	/* No calls until every page is touched: a call would push its return
	 * address at the bottom, far below the last page touched. */
	for (size_t off = n; off >= PAGE; off -= PAGE)
		block[off - PAGE] = (uint8_t)(off / PAGE);  /* top page first */
	for (size_t off = n; off >= PAGE; off -= PAGE) {
		if (block[off - PAGE] != (uint8_t)(off / PAGE)) {
			printf("stackgrow: page at %p lost its write\n",
			       block + off - PAGE);
			return 1;
		}
	}
	printf("stackgrow: touched %u KiB of stack, %p down to %p\n",
	       (unsigned)kib, block + n, block);
	return 0;
}

int main(int argc, char **argv)
{
	char *end;
	long kib = argc == 2 ? strtol(argv[1], &end, 10) : -1;

	if (argc != 2 || *end || kib < 0 || kib > 1024 * 1024) {
		fprintf(stderr, "usage: stackgrow KIB\n");
		return 2;
	}
	printf("stackgrow: growing the stack by %ld KiB\n", kib);
	fflush(stdout);
	return grow(kib);
}
