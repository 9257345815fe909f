/* user/stackprobe.c: `stackprobe KIB` touches one byte KIB below its own
 * frame, skipping every page in between: the kernel must grow the stack
 * straight down to it while that stays within the 8 MiB limit (exit 0),
 * and send SIGSEGV past it. Needs one page of memory, not KIB of it. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char *end;
	long kib = argc == 2 ? strtol(argv[1], &end, 10) : -1;

	if (argc != 2 || *end || kib < 0 || kib > 1024 * 1024) {
		fprintf(stderr, "usage: stackprobe KIB\n");
		return 2;
	}
	volatile char *p = (char *)__builtin_frame_address(0) - kib * 1024;
	*p = 1;
	return *p == 1 ? 0 : 1;
}
