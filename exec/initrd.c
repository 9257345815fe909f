/* exec/initrd.c: the cpio "newc" reader. Checks every header of the archive
 * and indexes its entries by path in a hash table (docs/initrd.md). Pure
 * code: the host unit tests build it too; exec/initrd_boot.c finds the
 * archive at boot. */
#include "exec/initrd.h"

/* The only place that differs between the kernel and the host build. */
#ifdef HOST_TEST
#include <stdlib.h>
#include <string.h>
#define initrd_alloc(n) malloc(n)
#define initrd_release(p) free(p)
#else
#include "kernel/lib/string.h"
#include "mm/kheap.h"
#define initrd_alloc(n) kmalloc(n)
#define initrd_release(p) kfree(p)
#endif

#define NEWC_HEADER_SIZE 110  /* "070701" and 13 fields of 8 hex digits */
#define NEWC_MAGIC_SIZE  6
#define NEWC_TRAILER     "TRAILER!!!"
#define INITRD_BUCKETS   64   /* a power of two; chains stay short */

/* The header fields, in archive order. */
enum newc_field {
	NEWC_INO,
	NEWC_MODE,
	NEWC_UID,
	NEWC_GID,
	NEWC_NLINK,
	NEWC_MTIME,
	NEWC_FILESIZE,
	NEWC_DEVMAJOR,
	NEWC_DEVMINOR,
	NEWC_RDEVMAJOR,
	NEWC_RDEVMINOR,
	NEWC_NAMESIZE,
	NEWC_CHECK,
	NEWC_FIELDS
};

/* err->why is a pointer that outlives the parse, so one literal per field. */
static const char *const bad_hex_why[NEWC_FIELDS] = {
	"bad hex digit in ino",       "bad hex digit in mode",
	"bad hex digit in uid",       "bad hex digit in gid",
	"bad hex digit in nlink",     "bad hex digit in mtime",
	"bad hex digit in filesize",  "bad hex digit in devmajor",
	"bad hex digit in devminor",  "bad hex digit in rdevmajor",
	"bad hex digit in rdevminor", "bad hex digit in namesize",
	"bad hex digit in check",
};

/* One entry as read from the archive; every offset is inside it. */
struct newc_entry {
	uint32_t field[NEWC_FIELDS];
	const char *name;  /* NUL-terminated, inside the archive */
	size_t data_off;   /* data_off + field[NEWC_FILESIZE] <= archive size */
	size_t next_off;   /* the next header; <= archive size */
};

/* What the index holds for each entry. file comes first, so a pointer to
 * it is a pointer to the entry. */
struct initrd_entry {
	struct initrd_file file;
	uint32_t ino, devmajor, devminor, nlink;  /* to find hard links */
	char path[];  /* file.vmf.path points here */
};

struct initrd {
	struct initrd_file *buckets[INITRD_BUCKETS];  /* chained by next */
	size_t count;  /* entries in the buckets */
};

/* ---- reading headers ------------------------------------------------- */

/* Parse 8 hex digits (either case) at p. */
static bool hex8_parse(const uint8_t *p, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 8; i++) {
		uint8_t c = p[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

/* Bytes from x up to the next multiple of 4 (offsets count from the
 * archive start, which is where newc alignment is measured). */
static size_t pad4(size_t x)
{
	return (4 - (x & 3)) & 3;
}

/* The sum of the data bytes, which is what "070702" puts in check. */
static uint32_t data_sum(const uint8_t *p, uint32_t n)
{
	uint32_t sum = 0;
	while (n--)
		sum += *p++;
	return sum;
}

/* The magic and the 13 fields of the header at off. */
static const char *header_read(const uint8_t *base, size_t size, size_t off,
			       struct newc_entry *e, bool *crc)
{
	if (off == size)
		return "archive ends without " NEWC_TRAILER;
	if (size - off < NEWC_HEADER_SIZE)
		return "header runs past the archive";
	const uint8_t *h = base + off;
	if (memcmp(h, "070701", NEWC_MAGIC_SIZE) == 0)
		*crc = false;
	else if (memcmp(h, "070702", NEWC_MAGIC_SIZE) == 0)
		*crc = true;
	else
		return "bad magic";
	for (int i = 0; i < NEWC_FIELDS; i++) {
		if (!hex8_parse(h + NEWC_MAGIC_SIZE + 8 * i, &e->field[i]))
			return bad_hex_why[i];
	}
	return NULL;
}

/* Read the entry whose header is at off (off <= size). Every size is
 * compared with the room left, never added to an offset first, so a field
 * of 0xffffffff cannot wrap the arithmetic. Returns NULL, or why not. */
static const char *entry_read(const uint8_t *base, size_t size, size_t off,
			      struct newc_entry *e)
{
	bool crc;
	const char *why = header_read(base, size, off, e, &crc);
	if (why)
		return why;
	size_t name_off = off + NEWC_HEADER_SIZE;
	uint32_t namesize = e->field[NEWC_NAMESIZE];
	if (namesize == 0)
		return "name size is 0";
	if (namesize > size - name_off)
		return "name runs past the archive";
	e->name = (const char *)base + name_off;
	if (e->name[namesize - 1] != '\0')
		return "name is not NUL-terminated";
	if (strnlen(e->name, namesize - 1) != namesize - 1)
		return "name has a NUL before its end";
	size_t name_end = name_off + namesize;
	if (pad4(name_end) > size - name_end)
		return "name padding runs past the archive";
	e->data_off = name_end + pad4(name_end);
	uint32_t filesize = e->field[NEWC_FILESIZE];
	if (filesize > size - e->data_off)
		return "file data runs past the archive";
	const uint8_t *data = base + e->data_off;
	if (crc && data_sum(data, filesize) != e->field[NEWC_CHECK])
		return "checksum mismatch";
	size_t data_end = e->data_off + filesize;
	/* Padding missing at the very end leaves nothing for a trailer: the
	 * next read reports that. */
	if (pad4(data_end) > size - data_end)
		e->next_off = size;
	else
		e->next_off = data_end + pad4(data_end);
	return NULL;
}

/* Best effort, for the error message: the name of the entry at off if its
 * namesize field parses and the name lies NUL-terminated inside the
 * archive; unprintable bytes shown as '?'. */
static void error_name(const uint8_t *base, size_t size, size_t off,
		       char out[64])
{
	uint32_t namesize;
	out[0] = '\0';
	if (off > size || size - off < NEWC_HEADER_SIZE)
		return;
	const uint8_t *p = base + off + NEWC_MAGIC_SIZE + 8 * NEWC_NAMESIZE;
	if (!hex8_parse(p, &namesize) || namesize == 0 ||
	    namesize > size - off - NEWC_HEADER_SIZE)
		return;
	const char *name = (const char *)base + off + NEWC_HEADER_SIZE;
	if (strnlen(name, namesize) != namesize - 1)
		return;
	size_t n = 0;
	for (; name[n] && n < 63; n++)
		out[n] = name[n] >= ' ' && name[n] <= '~' ? name[n] : '?';
	out[n] = '\0';
}

/* ---- the index ---------------------------------------------------------- */

/* The bucket of a path without its leading '/': FNV-1a. */
static uint32_t bucket_index(const char *rel)
{
	uint32_t h = 2166136261u;
	for (; *rel; rel++)
		h = (h ^ (uint8_t)*rel) * 16777619u;
	return h & (INITRD_BUCKETS - 1);
}

/* The archive name with any "./" or "/" prefix taken off: "./bin/sh",
 * "/bin/sh" and "bin/sh" give "bin/sh"; "." and "./" give "". */
static const char *name_relative(const char *name)
{
	if (name[0] == '.' && (name[1] == '/' || name[1] == '\0'))
		name++;
	while (*name == '/')
		name++;
	return name;
}

static bool is_hardlinked(const struct initrd_entry *e)
{
	return e->nlink > 1 &&
	       (e->file.mode & INITRD_S_IFMT) == INITRD_S_IFREG;
}

/* cpio writes a hard-linked file's data once, with one of its names (GNU
 * cpio: the last); the others have size 0. Give every name of the file
 * (same ino and device) the data. */
static void hardlinks_share(struct initrd *rd, struct initrd_entry *e)
{
	if (!is_hardlinked(e))
		return;
	for (int i = 0; i < INITRD_BUCKETS; i++) {
		for (struct initrd_file *f = rd->buckets[i]; f; f = f->next) {
			struct initrd_entry *o = (struct initrd_entry *)f;
			if (o == e || !is_hardlinked(o) || o->ino != e->ino ||
			    o->devmajor != e->devmajor ||
			    o->devminor != e->devminor)
				continue;
			struct vm_file *to = &e->file.vmf, *from = &o->file.vmf;
			if (to->size != 0) {
				to = &o->file.vmf;
				from = &e->file.vmf;
			}
			if (to->size == 0) {
				to->data = from->data;
				to->size = to->data_size = from->size;
			}
		}
	}
}

bool initrd_same_file(const struct initrd_file *a, const struct initrd_file *b)
{
	const struct initrd_entry *x = (const struct initrd_entry *)a;
	const struct initrd_entry *y = (const struct initrd_entry *)b;
	return x != y && is_hardlinked(x) && is_hardlinked(y) && x->ino == y->ino &&
	       x->devmajor == y->devmajor && x->devminor == y->devminor;
}

/* Put e in its bucket, in place of an entry with the same path if any. */
static void index_insert(struct initrd *rd, struct initrd_entry *e)
{
	struct initrd_file **pp = &rd->buckets[bucket_index(e->path + 1)];
	for (; *pp; pp = &(*pp)->next) {
		if (strcmp((*pp)->vmf.path, e->path) == 0) {
			struct initrd_file *old = *pp;
			e->file.next = old->next;
			*pp = &e->file;
			initrd_release(old);
			return;
		}
	}
	e->file.next = NULL;
	*pp = &e->file;
	rd->count++;
}

/* Index the entry read into ne. Returns NULL, or why not. */
static const char *index_add(struct initrd *rd, const uint8_t *base,
			     const struct newc_entry *ne)
{
	const char *rel = name_relative(ne->name);
	size_t len = strlen(rel);
	if (len + 1 > INITRD_PATH_MAX)
		return "name too long";
	struct initrd_entry *e = initrd_alloc(sizeof(*e) + len + 2);
	if (!e)
		return "out of memory";
	e->path[0] = '/';
	memcpy(e->path + 1, rel, len + 1);
	e->file.vmf = (struct vm_file){ .path = e->path,
					.data = base + ne->data_off,
					.size = ne->field[NEWC_FILESIZE],
					.data_size = ne->field[NEWC_FILESIZE] };
	e->file.mode = ne->field[NEWC_MODE];
	e->file.mtime = ne->field[NEWC_MTIME];
	e->file.uid = ne->field[NEWC_UID];
	e->file.gid = ne->field[NEWC_GID];
	e->ino = ne->field[NEWC_INO];
	e->devmajor = ne->field[NEWC_DEVMAJOR];
	e->devminor = ne->field[NEWC_DEVMINOR];
	e->nlink = ne->field[NEWC_NLINK];
	index_insert(rd, e);
	hardlinks_share(rd, e);
	return NULL;
}

/* ---- the interface ------------------------------------------------------ */

struct initrd *initrd_parse(const uint8_t *base, size_t size,
			    struct initrd_error *err)
{
	struct initrd *rd = initrd_alloc(sizeof(*rd));
	size_t off = 0;
	const char *why;

	if (!rd) {
		why = "out of memory";
		goto out_error;
	}
	memset(rd, 0, sizeof(*rd));
	for (;;) {
		struct newc_entry e;
		why = entry_read(base, size, off, &e);
		if (why)
			goto out_free;
		if (strcmp(e.name, NEWC_TRAILER) == 0)
			return rd;  /* what follows is cpio's block padding */
		why = index_add(rd, base, &e);
		if (why)
			goto out_free;
		off = e.next_off;
	}

out_free:
	initrd_free(rd);
out_error:
	err->offset = (uint32_t)off;
	err->why = why;
	error_name(base, size, off, err->entry);
	return NULL;
}

void initrd_free(struct initrd *rd)
{
	if (!rd)
		return;
	for (int i = 0; i < INITRD_BUCKETS; i++) {
		struct initrd_file *f = rd->buckets[i];
		while (f) {
			struct initrd_file *next = f->next;
			initrd_release(f);
			f = next;
		}
	}
	initrd_release(rd);
}

struct initrd_file *initrd_lookup(const struct initrd *rd, const char *path)
{
	if (!path[0])
		return NULL;
	const char *rel = path[0] == '/' ? path + 1 : path;
	for (struct initrd_file *f = rd->buckets[bucket_index(rel)]; f;
	     f = f->next) {
		if (strcmp(f->vmf.path + 1, rel) == 0)
			return f;
	}
	return NULL;
}

size_t initrd_count(const struct initrd *rd)
{
	return rd->count;
}

void initrd_foreach(const struct initrd *rd,
		    void (*fn)(struct initrd_file *f, void *ctx), void *ctx)
{
	for (int i = 0; i < INITRD_BUCKETS; i++)
		for (struct initrd_file *f = rd->buckets[i]; f; f = f->next)
			fn(f, ctx);
}
