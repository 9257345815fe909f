/* tests/fuzz/fuzz_cmdline.c: any string through the command-line parser
 * (kernel/cmdline.c). Its words must stay inside its buffer, be NUL
 * terminated, and be counted consistently; a line that does not fit must
 * say -E2BIG. */
#include <stdlib.h>
#include <string.h>

#include "kernel/cmdline.h"
#include "kernel/uapi/errno.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cmdline cl;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';  /* the loader hands over a C string */
	int r = cmdline_parse(&cl, s);
	FUZZ_CHECK(r == 0 || r == -E2BIG);
	FUZZ_CHECK(0 <= cl.nkernel && cl.nkernel <= cl.nwords &&
		   cl.nwords <= CMDLINE_MAX_WORDS);
	const char *end = cl.buf + sizeof(cl.buf);
	for (int i = 0; i < cl.nwords; i++) {
		FUZZ_CHECK(cl.words[i] >= cl.buf && cl.words[i] < end);
		FUZZ_CHECK(memchr(cl.words[i], '\0', end - cl.words[i]) != NULL);
	}
	/* the lookups must not crash on whatever words came out */
	cmdline_flag(&cl, "test");
	cmdline_value(&cl, "init");
	free(s);
	return 0;
}
