/* tests/host/cpio_build.h: writing cpio "newc" archives header by header,
 * good or deliberately broken, for the host tests of exec/initrd.c. */
#ifndef TESTS_HOST_CPIO_BUILD_H
#define TESTS_HOST_CPIO_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "exec/initrd.h"

#define ARC_MAX     8192
#define ARC_ENTRIES 16

/* The header fields the tests change (their index in the header). */
#define F_INO      0
#define F_MODE     1
#define F_NLINK    4
#define F_FILESIZE 6
#define F_NAMESIZE 11
#define F_CHECK    12

#define DIR_MODE  (INITRD_S_IFDIR | 0755)
#define FILE_MODE (INITRD_S_IFREG | 0644)

/* An archive being written, and where each entry's parts begin. */
struct arc {
	uint8_t buf[ARC_MAX];
	size_t len;
	int n;                           /* entries written, trailer included */
	size_t hdr[ARC_ENTRIES];         /* header offset */
	size_t name_end[ARC_ENTRIES];    /* just past the name's NUL */
	size_t data_off[ARC_ENTRIES];    /* name_end rounded up to 4 */
	size_t data_end[ARC_ENTRIES];    /* data_off + filesize */
};

/* Append n bytes; arc_pad then zero-fills up to a multiple of 4. */
void arc_put(struct arc *a, const void *p, size_t n);

/* Zero-fill the archive up to a multiple of 4 bytes. */
void arc_pad(struct arc *a);

/* An entry with every field given; check is the data's byte sum for
 * "070702". */
void arc_entry_full(struct arc *a, const char *magic, const char *name,
		    uint32_t mode, uint32_t ino, uint32_t nlink, const void *data,
		    uint32_t size);

/* An entry with inode i+1, one link and data as its contents. */
void arc_entry(struct arc *a, const char *name, uint32_t mode,
	       const char *data);

/* The TRAILER!!! entry that ends an archive. */
void arc_trailer(struct arc *a);

/* Overwrite header field f of entry i with v (may be any 8 characters). */
void arc_set_text(struct arc *a, int i, int f, const char *v);

/* Overwrite header field f of entry i with v in hex. */
void arc_set(struct arc *a, int i, int f, uint32_t v);

/* The small archive most cases use: entries 0..5, trailer 6. */
void arc_sample(struct arc *a);

#endif
