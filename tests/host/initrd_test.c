/* tests/host/initrd_test.c: host tests of exec/initrd.c, the cpio "newc"
 * reader: archives written here header by header (good ones, and ones
 * truncated or corrupted in every way the reader checks), and the real
 * output of the host's `cpio -o -H newc`. Each archive is parsed from a
 * malloc of exactly its size, so ASan reports any read past its end. */
#include "tests/host/hosttest.h"

#include <stdio.h>
#include <stdlib.h>

#include "exec/initrd.h"

#include "tests/host/cpio_build.h"

/* A parse of a copy of exactly n bytes of p. */
struct parsed {
	uint8_t *mem;
	struct initrd *rd;
	struct initrd_error err;
};

static void parse_bytes(struct parsed *p, const uint8_t *bytes, size_t n)
{
	p->mem = malloc(n);
	if (n)
		memcpy(p->mem, bytes, n);
	memset(&p->err, 0, sizeof(p->err));
	p->rd = initrd_parse(p->mem, n, &p->err);
}

static void parsed_free(struct parsed *p)
{
	initrd_free(p->rd);
	free(p->mem);
}

/* The archive must be refused at header offset off, naming entry. */
static void expect_refused(struct hosttest *t, const struct arc *a,
			   const char *why, size_t off, const char *entry)
{
	struct parsed p;
	parse_bytes(&p, a->buf, a->len);
	EXPECT_NULL(p.rd);
	EXPECT_STREQ(p.err.why, why);
	EXPECT_EQ(p.err.offset, off);
	EXPECT_STREQ(p.err.entry, entry);
	parsed_free(&p);
}

/* The file at path has these contents and mode, inside the archive. */
static void expect_file(struct hosttest *t, const struct parsed *p,
			size_t size, const char *path, const char *data,
			uint32_t mode)
{
	struct initrd_file *f = initrd_lookup(p->rd, path);
	EXPECT_NOT_NULL(f);
	if (!f)
		return;
	EXPECT_EQ(f->vmf.size, strlen(data));
	EXPECT_EQ(memcmp(f->vmf.data, data, f->vmf.size), 0);
	EXPECT_EQ(f->mode, mode);
	EXPECT_TRUE(f->vmf.data >= p->mem && f->vmf.data <= p->mem + size);
	EXPECT_EQ((f->vmf.data - p->mem) % 4, 0);
}

HOSTTEST(initrd, sample_archive_indexes_every_entry)
{
	static struct arc a;
	struct parsed p;
	arc_sample(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	EXPECT_EQ(initrd_count(p.rd), 6);
	expect_file(t, &p, a.len, "/bin/init", "hello", INITRD_S_IFREG | 0755);
	expect_file(t, &p, a.len, "/bin/sh", "x", INITRD_S_IFREG | 0755);
	expect_file(t, &p, a.len, "/etc/empty", "", FILE_MODE);
	expect_file(t, &p, a.len, "/etc/four", "abcd", FILE_MODE);
	expect_file(t, &p, a.len, "/bin", "", DIR_MODE);
	expect_file(t, &p, a.len, "/", "", DIR_MODE);
	parsed_free(&p);
}

HOSTTEST(initrd, lookup_normalizes_paths)
{
	static struct arc a;
	struct parsed p;
	arc_sample(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	struct initrd_file *init = initrd_lookup(p.rd, "/bin/init");
	ASSERT_NOT_NULL(init);
	EXPECT_STREQ(init->vmf.path, "/bin/init");
	EXPECT_PTR_EQ(initrd_lookup(p.rd, "bin/init"), init);
	EXPECT_STREQ(initrd_lookup(p.rd, "bin/sh")->vmf.path, "/bin/sh");
	EXPECT_STREQ(initrd_lookup(p.rd, "/")->vmf.path, "/");
	EXPECT_NULL(initrd_lookup(p.rd, ""));
	EXPECT_NULL(initrd_lookup(p.rd, "/bin/ini"));
	EXPECT_NULL(initrd_lookup(p.rd, "/bin/init/"));
	EXPECT_NULL(initrd_lookup(p.rd, "/nope"));
	EXPECT_NULL(initrd_lookup(p.rd, "TRAILER!!!"));
	parsed_free(&p);
}

static void count_entry(struct initrd_file *f, void *ctx)
{
	size_t *n = ctx;
	(*n)++;
	if (f->vmf.path[0] != '/')
		*n += 1000;  /* every path starts with '/' */
}

/* initrd_foreach (fs/initramfs.c builds the tree with it) visits every
 * indexed entry once. */
HOSTTEST(initrd, foreach_visits_every_entry)
{
	static struct arc a;
	struct parsed p;
	arc_sample(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	size_t n = 0;
	initrd_foreach(p.rd, count_entry, &n);
	EXPECT_EQ(n, initrd_count(p.rd));
	parsed_free(&p);
}

HOSTTEST(initrd, trailer_alone_is_an_empty_archive)
{
	static struct arc a;
	struct parsed p;
	memset(&a, 0, sizeof(a));
	arc_trailer(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	EXPECT_EQ(initrd_count(p.rd), 0);
	EXPECT_NULL(initrd_lookup(p.rd, "/"));
	parsed_free(&p);
}

/* cpio pads the archive to 512-byte blocks; anything after the trailer is
 * not looked at, so every cut at or past its end still parses. */
HOSTTEST(initrd, bytes_after_trailer_are_ignored)
{
	static struct arc a;
	arc_sample(&a);
	size_t end = a.len;
	memset(a.buf + a.len, 0, 512 - a.len % 512);
	a.len += 512 - a.len % 512;
	a.buf[a.len - 1] = 0xff;
	for (size_t n = end; n <= a.len; n++) {
		struct parsed p;
		parse_bytes(&p, a.buf, n);
		EXPECT_NOT_NULL(p.rd);
		parsed_free(&p);
	}
}

HOSTTEST(initrd, sizes_around_multiples_of_four)
{
	static struct arc a;
	static const char data[] = "0123456789abcdef";
	char name[8];
	struct parsed p;
	memset(&a, 0, sizeof(a));
	for (uint32_t n = 0; n <= 9; n++) {
		snprintf(name, sizeof(name), "f%u", n);
		arc_entry_full(&a, "070701", name, FILE_MODE, n + 1, 1, data,
			       n);
	}
	arc_trailer(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	for (uint32_t n = 0; n <= 9; n++) {
		char want[16];
		snprintf(name, sizeof(name), "/f%u", n);
		snprintf(want, sizeof(want), "%.*s", (int)n, data);
		expect_file(t, &p, a.len, name, want, FILE_MODE);
	}
	parsed_free(&p);
}

HOSTTEST(initrd, duplicate_name_last_one_wins)
{
	static struct arc a;
	struct parsed p;
	memset(&a, 0, sizeof(a));
	arc_entry(&a, "bin/init", FILE_MODE, "old");
	arc_entry(&a, "etc", DIR_MODE, "");
	arc_entry(&a, "./bin/init", FILE_MODE, "newer");
	arc_trailer(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	EXPECT_EQ(initrd_count(p.rd), 2);
	expect_file(t, &p, a.len, "/bin/init", "newer", FILE_MODE);
	parsed_free(&p);
}

/* GNU cpio writes a hard-linked file's data with its last name only. */
HOSTTEST(initrd, hard_links_share_data)
{
	static struct arc a;
	struct parsed p;
	memset(&a, 0, sizeof(a));
	arc_entry_full(&a, "070701", "a", FILE_MODE, 7, 3, "", 0);
	arc_entry_full(&a, "070701", "b", FILE_MODE, 7, 3, "", 0);
	arc_entry_full(&a, "070701", "c", FILE_MODE, 7, 3, "data", 4);
	arc_entry_full(&a, "070701", "d", FILE_MODE, 8, 2, "", 0);
	arc_entry_full(&a, "070701", "e", FILE_MODE, 7, 1, "", 0);
	arc_trailer(&a);
	parse_bytes(&p, a.buf, a.len);
	ASSERT_NOT_NULL(p.rd);
	expect_file(t, &p, a.len, "a", "data", FILE_MODE);
	expect_file(t, &p, a.len, "b", "data", FILE_MODE);
	expect_file(t, &p, a.len, "c", "data", FILE_MODE);
	expect_file(t, &p, a.len, "d", "", FILE_MODE);  /* other inode */
	expect_file(t, &p, a.len, "e", "", FILE_MODE);  /* nlink 1 */
	EXPECT_PTR_EQ(initrd_lookup(p.rd, "a")->vmf.data,
		      initrd_lookup(p.rd, "c")->vmf.data);
	parsed_free(&p);
}

HOSTTEST(initrd, crc_variant_checks_the_sum)
{
	static struct arc a;
	struct parsed p;
	memset(&a, 0, sizeof(a));
	arc_entry_full(&a, "070702", "f", FILE_MODE, 1, 1, "\xff\xfe\x01", 3);
	arc_trailer(&a);
	parse_bytes(&p, a.buf, a.len);
	EXPECT_NOT_NULL(p.rd);
	expect_file(t, &p, a.len, "/f", "\xff\xfe\x01", FILE_MODE);
	parsed_free(&p);
	arc_set(&a, 0, F_CHECK, 0x1ff);  /* the sum is 0x1fe */
	expect_refused(t, &a, "checksum mismatch", 0, "f");
}

/* Every cut of the sample archive short of its end is refused, with the
 * reason and offset its position implies. */
HOSTTEST(initrd, truncated_at_every_offset_is_refused)
{
	static struct arc a;
	arc_sample(&a);
	for (size_t n = 0; n < a.len; n++) {
		const char *why = "archive ends without TRAILER!!!";
		size_t off = n;
		for (int i = 0; i < a.n; i++) {
			if (n <= a.hdr[i])
				break;
			off = a.hdr[i];
			if (n < a.hdr[i] + 110)
				why = "header runs past the archive";
			else if (n < a.name_end[i])
				why = "name runs past the archive";
			else if (n < a.data_off[i])
				why = "name padding runs past the archive";
			else if (n < a.data_end[i])
				why = "file data runs past the archive";
			else
				off = n;  /* only padding is missing */
		}
		struct parsed p;
		parse_bytes(&p, a.buf, n);
		EXPECT_NULL(p.rd);
		EXPECT_STREQ(p.err.why, why);
		EXPECT_EQ(p.err.offset, off);
		parsed_free(&p);
		if (t->failures) {
			printf("# (archive cut to %zu of %zu bytes)\n", n,
			       a.len);
			return;
		}
	}
}

HOSTTEST(initrd, bad_magic_names_entry_and_offset)
{
	static struct arc a;
	arc_sample(&a);
	a.buf[a.hdr[3] + 5] = '7';
	expect_refused(t, &a, "bad magic", a.hdr[3], "./bin/sh");
	arc_sample(&a);
	memcpy(a.buf + a.hdr[0], "070707", 6);  /* the old portable format */
	expect_refused(t, &a, "bad magic", 0, ".");
}

HOSTTEST(initrd, non_hex_digit_is_refused)
{
	static struct arc a;
	static const struct {
		int field;
		const char *why;
	} cases[] = { { F_INO, "bad hex digit in ino" },
		      { F_MODE, "bad hex digit in mode" },
		      { F_FILESIZE, "bad hex digit in filesize" },
		      { F_NAMESIZE, "bad hex digit in namesize" },
		      { F_CHECK, "bad hex digit in check" } };
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		arc_sample(&a);
		arc_set_text(&a, 2, cases[k].field, "0000000g");
		/* With namesize unreadable the name cannot be found. */
		expect_refused(t, &a, cases[k].why, a.hdr[2],
			       cases[k].field == F_NAMESIZE ? "" : "bin/init");
	}
	arc_sample(&a);
	arc_set_text(&a, 2, F_FILESIZE, " 0000005");
	expect_refused(t, &a, "bad hex digit in filesize", a.hdr[2],
		       "bin/init");
	arc_sample(&a);
	arc_set_text(&a, 2, F_MODE, "000081ED");  /* upper case is hex too */
	struct parsed p;
	parse_bytes(&p, a.buf, a.len);
	EXPECT_NOT_NULL(p.rd);
	expect_file(t, &p, a.len, "bin/init", "hello", INITRD_S_IFREG | 0755);
	parsed_free(&p);
}

HOSTTEST(initrd, bad_name_sizes_are_refused)
{
	static struct arc a;
	arc_sample(&a);
	arc_set(&a, 4, F_NAMESIZE, 0);
	expect_refused(t, &a, "name size is 0", a.hdr[4], "");
	arc_sample(&a);
	arc_set(&a, 4, F_NAMESIZE, 9);  /* "etc/empty" without its NUL */
	expect_refused(t, &a, "name is not NUL-terminated", a.hdr[4], "");
	arc_sample(&a);
	arc_set(&a, 4, F_NAMESIZE, (uint32_t)(a.len - a.hdr[4] - 110 + 1));
	expect_refused(t, &a, "name runs past the archive", a.hdr[4], "");
	arc_sample(&a);
	arc_set(&a, 4, F_NAMESIZE, 0xffffffff);
	expect_refused(t, &a, "name runs past the archive", a.hdr[4], "");
	arc_sample(&a);
	a.buf[a.hdr[4] + 110 + 3] = '\0';  /* "etc\0empty\0" */
	expect_refused(t, &a, "name has a NUL before its end", a.hdr[4], "");
}

HOSTTEST(initrd, bad_file_sizes_are_refused)
{
	static struct arc a;
	arc_sample(&a);
	arc_set(&a, 5, F_FILESIZE, (uint32_t)(a.len - a.data_off[5] + 1));
	expect_refused(t, &a, "file data runs past the archive", a.hdr[5],
		       "etc/four");
	for (uint32_t v = 0xfffffffc; v != 0; v++) {  /* wraps a 32-bit sum */
		arc_sample(&a);
		arc_set(&a, 2, F_FILESIZE, v);
		expect_refused(t, &a, "file data runs past the archive",
			       a.hdr[2], "bin/init");
	}
	/* A longer file swallows the next header: parsing goes on from
	 * the middle of that entry and finds no magic there. */
	arc_sample(&a);
	arc_set(&a, 2, F_FILESIZE, 12);
	expect_refused(t, &a, "bad magic", a.hdr[3] + 4, "");
}

HOSTTEST(initrd, missing_trailer_is_refused)
{
	static struct arc a;
	arc_sample(&a);
	a.len = a.hdr[6];
	expect_refused(t, &a, "archive ends without TRAILER!!!", a.len, "");
	arc_sample(&a);
	memcpy(a.buf + a.hdr[6] + 110, "TRAILER!!?", 10);
	a.len = a.data_end[6];  /* name padding only, so padding is complete */
	expect_refused(t, &a, "archive ends without TRAILER!!!", a.len, "");
	memset(&a, 0, sizeof(a));  /* cpio's block padding with no archive */
	a.len = 512;
	expect_refused(t, &a, "bad magic", 0, "");
}

HOSTTEST(initrd, long_names_are_refused)
{
	static struct arc a;
	char name[300];
	memset(&a, 0, sizeof(a));
	memset(name, 'n', sizeof(name));
	name[INITRD_PATH_MAX - 1] = '\0';  /* 254 + '/' = the limit */
	arc_entry(&a, name, FILE_MODE, "ok");
	name[INITRD_PATH_MAX - 1] = 'n';
	name[INITRD_PATH_MAX] = '\0';
	arc_entry(&a, name, FILE_MODE, "no");
	arc_trailer(&a);
	name[63] = '\0';  /* the message shows 63 characters */
	expect_refused(t, &a, "name too long", a.hdr[1], name);
}

/* The host's own cpio: a directory tree with a hard link and a symlink,
 * written as `make` would write the initrd. */
HOSTTEST(initrd, reads_real_cpio_output)
{
	char dir[] = "/tmp/initrd-test-XXXXXX", cmd[512];
	static uint8_t buf[ARC_MAX];
	size_t n = 0;
	if (system("command -v cpio >/dev/null") != 0) {
		printf("# cpio not installed: case skipped\n");
		return;
	}
	ASSERT_NOT_NULL(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && umask 022 && mkdir -p bin etc/x && "
		 "printf hello >bin/init && "
		 ": >etc/empty && ln bin/init bin/link && ln -s init bin/sym &&"
		 " find . | LC_ALL=C sort | cpio -o -H newc --quiet", dir);
	FILE *f = popen(cmd, "r");
	ASSERT_NOT_NULL(f);
	n = fread(buf, 1, sizeof(buf), f);
	EXPECT_EQ(pclose(f), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	EXPECT_EQ(system(cmd), 0);
	ASSERT_LT(n, sizeof(buf));

	struct parsed p;
	parse_bytes(&p, buf, n);
	ASSERT_NOT_NULL(p.rd);
	EXPECT_EQ(initrd_count(p.rd), 8);
	EXPECT_EQ(n % 512, 0);
	expect_file(t, &p, n, "/", "", INITRD_S_IFDIR | 0700);  /* mkdtemp */
	expect_file(t, &p, n, "/etc/x", "", INITRD_S_IFDIR | 0755);
	expect_file(t, &p, n, "/etc/empty", "", INITRD_S_IFREG | 0644);
	expect_file(t, &p, n, "/bin/sym", "init", INITRD_S_IFLNK | 0777);
	expect_file(t, &p, n, "/bin/init", "hello", INITRD_S_IFREG | 0644);
	expect_file(t, &p, n, "/bin/link", "hello", INITRD_S_IFREG | 0644);
	parsed_free(&p);
}
