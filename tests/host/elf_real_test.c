/* tests/host/elf_real_test.c: real static i386 binaries, linked here by
 * the i686 toolchain when it is installed (glibc's static layouts with and
 * without -z separate-code, a static PIE, a one-segment `ld -N` file),
 * must parse and keep every promise of exec/elf.h. */
#include "exec/elf.h"

#include <stdio.h>
#include <stdlib.h>

#include "mm/memlayout.h"
#include "tests/host/elf_check.h"
#include "tests/host/hosttest.h"

static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n)) &&
	    fread(data, 1, (size_t)n, f) != (size_t)n) {
		free(data);
		data = NULL;
	}
	fclose(f);
	*size = data ? (size_t)n : 0;
	return data;
}

/* Link src with the i686 toolchain and flags, then parse the result.
 * Returns false (and says so) when the toolchain cannot link it. */
static bool parse_linked(struct hosttest *t, const char *dir, const char *src,
			 const char *flags, struct elf_image *img)
{
	char cmd[1024], out[512];
	const char *why;
	size_t size;
	uint8_t *data;

	snprintf(out, sizeof(out), "%s/a.out", dir);
	snprintf(cmd, sizeof(cmd),
		 "i686-linux-gnu-gcc -O2 %s -o %s %s/%s >/dev/null 2>&1", flags,
		 out, dir, src);
	if (system(cmd) != 0) {
		printf("# skipped: i686-linux-gnu-gcc %s could not link\n",
		       flags);
		return false;
	}
	data = read_file(out, &size);
	if (!data)
		abort();
	int err = elf_parse(data, size, img, &why);
	EXPECT_EQ(err, 0);
	if (err)
		printf("# %s: %s\n", flags, why);
	else
		EXPECT_TRUE(image_ok(data, img, size));
	printf("# %s: %d segments, entry %#x, AT_PHDR %#x, end %#x\n", flags,
	       img->nsegments, (unsigned)img->entry, (unsigned)img->phdr_vaddr,
	       (unsigned)img->end);
	free(data);
	return err == 0;
}

/* glibc's static i386 programs as GNU ld lays them out, with and without
 * -z separate-code, as a static PIE, and a one-segment `ld -N` file. */
HOSTTEST(elf, real_static_binaries_parse)
{
	static const char hello[] =
		"#include <stdio.h>\nint d = 5, b[1000];\n"
		"int main(void) { printf(\"%d\\n\", d + b[9]); return 0; }\n";
	static const char tiny[] = "int d = 42, b[10];\nvoid _start(void) {\n"
				   "__asm__ volatile(\"int $0x80\"\n"
				   "\t:: \"a\"(1), \"b\"(d + b[3]));\n"
				   "}\n";
	char dir[] = "/tmp/elf_test.XXXXXX", path[512], cmd[600];
	struct elf_image img;
	FILE *f;

	ASSERT_NOT_NULL(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/hello.c", dir);
	ASSERT_NOT_NULL(f = fopen(path, "w"));
	fputs(hello, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/tiny.c", dir);
	ASSERT_NOT_NULL(f = fopen(path, "w"));
	fputs(tiny, f);
	fclose(f);

	if (parse_linked(t, dir, "hello.c", "-static", &img))
		EXPECT_EQ(img.phdr_vaddr, 0x08048034);
	parse_linked(t, dir, "hello.c", "-static -Wl,-z,noseparate-code", &img);
	if (parse_linked(t, dir, "hello.c", "-static-pie", &img))
		EXPECT_EQ(img.load_bias, ELF_ET_DYN_BASE);
	if (parse_linked(t, dir, "tiny.c",
			 "-static -nostdlib -fno-pie -no-pie "
			 "-Wl,-N,--no-warn-rwx-segments",
			 &img))
		EXPECT_EQ(img.nsegments, 1);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	EXPECT_EQ(system(cmd), 0);
}
