/* tests/host/cpio_build.c: the archive writer the initrd host tests use. */
#include "tests/host/cpio_build.h"

#include <stdio.h>
#include <string.h>

/* Append n bytes; arc_pad then zero-fills up to a multiple of 4. */
void arc_put(struct arc *a, const void *p, size_t n)
{
	memcpy(a->buf + a->len, p, n);
	a->len += n;
}

void arc_pad(struct arc *a)
{
	while (a->len & 3)
		a->buf[a->len++] = 0;
}

/* An entry with every field given; check is the data's byte sum for
 * "070702". */
void arc_entry_full(struct arc *a, const char *magic, const char *name,
		    uint32_t mode, uint32_t ino, uint32_t nlink,
		    const void *data, uint32_t size)
{
	char h[112];  /* 110 and snprintf's NUL */
	uint32_t sum = 0, namesize = (uint32_t)strlen(name) + 1;
	for (uint32_t i = 0; i < size; i++)
		sum += ((const uint8_t *)data)[i];
	if (strcmp(magic, "070702") != 0)
		sum = 0;
	snprintf(h, sizeof(h),
		 "%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		 magic, ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0, namesize,
		 sum);
	a->hdr[a->n] = a->len;
	arc_put(a, h, 110);
	arc_put(a, name, namesize);
	a->name_end[a->n] = a->len;
	arc_pad(a);
	a->data_off[a->n] = a->len;
	arc_put(a, data, size);
	a->data_end[a->n] = a->len;
	arc_pad(a);
	a->n++;
}

void arc_entry(struct arc *a, const char *name, uint32_t mode,
	       const char *data)
{
	arc_entry_full(a, "070701", name, mode, (uint32_t)a->n + 1, 1, data,
		       (uint32_t)strlen(data));
}

void arc_trailer(struct arc *a)
{
	arc_entry_full(a, "070701", "TRAILER!!!", 0, 0, 1, "", 0);
}

/* Overwrite header field f of entry i with v (may be any 8 characters). */
void arc_set_text(struct arc *a, int i, int f, const char *v)
{
	memcpy(a->buf + a->hdr[i] + 6 + 8 * f, v, 8);
}

void arc_set(struct arc *a, int i, int f, uint32_t v)
{
	char text[9];
	snprintf(text, sizeof(text), "%08x", v);
	arc_set_text(a, i, f, text);
}

/* The small archive most cases use: entries 0..5, trailer 6. */
void arc_sample(struct arc *a)
{
	memset(a, 0, sizeof(*a));
	arc_entry(a, ".", DIR_MODE, "");
	arc_entry(a, "bin", DIR_MODE, "");
	arc_entry(a, "bin/init", INITRD_S_IFREG | 0755, "hello");
	arc_entry(a, "./bin/sh", INITRD_S_IFREG | 0755, "x");
	arc_entry(a, "etc/empty", FILE_MODE, "");
	arc_entry(a, "etc/four", FILE_MODE, "abcd");
	arc_trailer(a);
}

