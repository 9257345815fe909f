/* tests/corpus/mkcorpus.c: writes the ELF corpus (tests/corpus/elfgen.h)
 * into a directory: one file per case, and MANIFEST with one line per file,
 * `NAME ERRNO_NAME EXPECTED_EXIT` (`good_minimal 0 42`, `phnum_zero ENOEXEC
 * -`), for the exec tests to run them. Usage: mkcorpus OUTDIR. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/corpus/elfgen.h"

/* Write one case as OUTDIR/NAME, executable; 0 or -1 after a message. */
static int write_case(const char *dir, const struct elfgen_case *c)
{
	char path[4096];
	size_t size;
	uint8_t *data = elfgen_build(c, &size);
	FILE *f;
	int ok;

	if (!data) {
		fprintf(stderr, "mkcorpus: out of memory\n");
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, c->name);
	f = fopen(path, "wb");
	ok = f && fwrite(data, 1, size, f) == size;
	ok = f && fclose(f) == 0 && ok;
	free(data);
	if (!ok || chmod(path, 0755) != 0) {
		fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char path[4096];
	FILE *manifest;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcorpus OUTDIR\n");
		return 2;
	}
	if (mkdir(argv[1], 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "mkcorpus: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	snprintf(path, sizeof(path), "%s/MANIFEST", argv[1]);
	manifest = fopen(path, "w");
	if (!manifest) {
		fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
		return 1;
	}
	for (int i = 0; i < elfgen_ncases; i++) {
		const struct elfgen_case *c = &elfgen_cases[i];

		if (write_case(argv[1], c) != 0)
			return 1;
		const char *e = c->exec_err_name ? c->exec_err_name
						 : c->err_name;
		if (c->exit_status >= 0)
			fprintf(manifest, "%s %s %d\n", c->name, e,
				c->exit_status);
		else
			fprintf(manifest, "%s %s -\n", c->name, e);
	}
	if (fclose(manifest) != 0) {
		fprintf(stderr, "mkcorpus: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}
