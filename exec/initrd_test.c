/* exec/initrd_test.c: in-kernel tests of the initrd reader: an archive
 * written in memory is indexed with the kernel heap and freed without a
 * leak, a corrupt one is refused without a leak, and a file's pages come
 * out of the page cache with the archive's bytes. The host tests
 * (tests/host/initrd_test.c) cover every corruption; these cover the
 * kernel's allocator and memory. */
#include "exec/initrd.h"

#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "tests/ktest.h"

#define ARC_MAX (24u * 1024)

/* One archive at a time: cases run one after another. */
static struct {
	uint8_t buf[ARC_MAX];
	size_t len;
	size_t hdr[8];  /* header offsets of the first entries */
	int n;
} arc;

static void arc_pad(void)
{
	while (arc.len & 3)
		arc.buf[arc.len++] = 0;
}

/* Append an entry with data (size bytes) to arc. */
static void arc_entry(const char *name, uint32_t mode, const void *data,
		      uint32_t size)
{
	char h[112];  /* 110 and ksnprintf's NUL */
	uint32_t namesize = strlen(name) + 1;
	ksnprintf(h, sizeof(h),
		  "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		  arc.n + 1, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, namesize, 0);
	if (arc.n < 8)
		arc.hdr[arc.n] = arc.len;
	arc.n++;
	memcpy(arc.buf + arc.len, h, 110);
	memcpy(arc.buf + arc.len + 110, name, namesize);
	arc.len += 110 + namesize;
	arc_pad();
	memcpy(arc.buf + arc.len, data, size);
	arc.len += size;
	arc_pad();
}

static void arc_sample(void)
{
	arc.len = 0;
	arc.n = 0;
	arc_entry(".", INITRD_S_IFDIR | 0755, "", 0);
	arc_entry("bin", INITRD_S_IFDIR | 0755, "", 0);
	arc_entry("./bin/init", INITRD_S_IFREG | 0755, "hello", 5);
	arc_entry("etc/empty", INITRD_S_IFREG | 0644, "", 0);
	arc_entry("TRAILER!!!", 0, "", 0);
}

KTEST(initrd, parse_indexes_and_frees_without_leak)
{
	arc_sample();
	struct initrd_error err = { 0 };
	struct initrd *rd = initrd_parse(arc.buf, arc.len, &err);
	ASSERT_NOT_NULL(rd);
	EXPECT_EQ(initrd_count(rd), 4);
	struct initrd_file *f = initrd_lookup(rd, "/bin/init");
	EXPECT_NOT_NULL(f);
	EXPECT_PTR_EQ(initrd_lookup(rd, "bin/init"), f);
	if (f) {
		EXPECT_STREQ(f->vmf.path, "/bin/init");
		EXPECT_EQ(f->vmf.size, 5);
		EXPECT_EQ(memcmp(f->vmf.data, "hello", 5), 0);
		EXPECT_PTR_EQ(f->vmf.data, arc.buf + arc.hdr[2] + 124);
		EXPECT_EQ(f->mode, INITRD_S_IFREG | 0755);
	}
	EXPECT_NOT_NULL(initrd_lookup(rd, "/"));
	EXPECT_NOT_NULL(initrd_lookup(rd, "/etc/empty"));
	EXPECT_NULL(initrd_lookup(rd, "/etc"));
	initrd_free(rd);
}

/* The entries indexed before the bad one are freed again. */
KTEST(initrd, corrupt_archive_refused_without_leak)
{
	arc_sample();
	arc.buf[arc.hdr[3] + 1] = 'X';
	struct initrd_error err = { 0 };
	EXPECT_NULL(initrd_parse(arc.buf, arc.len, &err));
	EXPECT_EQ(err.offset, arc.hdr[3]);
	EXPECT_STREQ(err.entry, "etc/empty");
	EXPECT_STREQ(err.why, "bad magic");

	arc_sample();
	EXPECT_NULL(initrd_parse(arc.buf, arc.hdr[4] + 100, &err));
	EXPECT_EQ(err.offset, arc.hdr[4]);
	EXPECT_STREQ(err.why, "header runs past the archive");
}

/* Here size_t is 32 bits, so data_off + 0xffffffff would wrap to a small
 * number: the reader must compare with the room left instead. */
KTEST(initrd, absurd_sizes_do_not_wrap)
{
	static const char *const value[] = { "ffffffff", "fffffffc",
					     "fffffff0" };
	struct initrd_error err = { 0 };
	for (int i = 0; i < 3; i++) {
		arc_sample();
		memcpy(arc.buf + arc.hdr[2] + 54, value[i], 8);  /* filesize */
		EXPECT_NULL(initrd_parse(arc.buf, arc.len, &err));
		EXPECT_STREQ(err.why, "file data runs past the archive");
		arc_sample();
		memcpy(arc.buf + arc.hdr[2] + 94, value[i], 8);  /* namesize */
		EXPECT_NULL(initrd_parse(arc.buf, arc.len, &err));
		EXPECT_STREQ(err.why, "name runs past the archive");
		EXPECT_EQ(err.offset, arc.hdr[2]);
	}
}

/* Enough entries to fill several heap slabs and chain every bucket. */
KTEST(initrd, many_entries_index_and_free)
{
	char name[16];
	arc.len = 0;
	arc.n = 0;
	for (int i = 0; i < 150; i++) {
		ksnprintf(name, sizeof(name), "dir/f%d", i);
		arc_entry(name, INITRD_S_IFREG | 0644, name, strlen(name));
	}
	arc_entry("TRAILER!!!", 0, "", 0);
	ASSERT_LE(arc.len, ARC_MAX);
	struct initrd_error err = { 0 };
	struct initrd *rd = initrd_parse(arc.buf, arc.len, &err);
	ASSERT_NOT_NULL(rd);
	EXPECT_EQ(initrd_count(rd), 150);
	for (int i = 0; i < 150; i += 7) {
		ksnprintf(name, sizeof(name), "/dir/f%d", i);
		struct initrd_file *f = initrd_lookup(rd, name);
		EXPECT_NOT_NULL(f);
		if (f)
			EXPECT_EQ(memcmp(f->vmf.data, name + 1, f->vmf.size),
				  0);
	}
	initrd_free(rd);
}

/* What a file VMA's fault will do: the page cache copies the file's page
 * out of the archive and zero-fills past its end. */
KTEST(initrd, file_pages_come_from_the_archive)
{
	arc_sample();
	struct initrd_error err = { 0 };
	struct initrd *rd = initrd_parse(arc.buf, arc.len, &err);
	ASSERT_NOT_NULL(rd);
	struct initrd_file *f = initrd_lookup(rd, "/bin/init");
	paddr_t frame = f ? pagecache_get(&f->vmf, 0) : 0;
	EXPECT_NE(frame, 0);
	if (frame) {
		const uint8_t *p = kmap(frame);
		EXPECT_EQ(memcmp(p, "hello", 5), 0);
		EXPECT_EQ(p[5], 0);
		EXPECT_EQ(p[PAGE_SIZE - 1], 0);
		kunmap((void *)p);
		EXPECT_EQ(pagecache_get(&f->vmf, 1), 0);  /* past the end */
		pmm_free_frame(frame);  /* the caller's reference */
		pagecache_shrink();     /* the cache's, or the case leaks */
		EXPECT_EQ(pmm_frame_refcount(frame), 0);
	}
	initrd_free(rd);
}
