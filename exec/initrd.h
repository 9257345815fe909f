/* exec/initrd.h: the initial ramdisk, a cpio "newc" archive (the format of
 * Linux's initramfs) that the loader hands over as a Multiboot module.
 * Files are found by path and mapped straight out of the module: each one
 * carries the struct vm_file that its VMAs and page-cache pages point to. */
#ifndef EXEC_INITRD_H
#define EXEC_INITRD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mm/vm_file.h"

/* File types, as the cpio mode field (and Linux's st_mode) encodes them. */
#define INITRD_S_IFMT  0170000u
#define INITRD_S_IFREG 0100000u
#define INITRD_S_IFDIR 0040000u
#define INITRD_S_IFLNK 0120000u

/* Longest path in the index, leading '/' included, NUL not: an archive
 * with a longer name is refused ("name too long"). */
#define INITRD_PATH_MAX 255

struct initrd_file {
	struct vm_file vmf;      /* path: "/bin/init" (leading '/', no "./");
				    data: points into the archive; size */
	uint32_t mode;           /* type and permission bits (0755 ...) */
	uint32_t mtime;          /* modification time, s since the epoch */
	uint32_t uid, gid;       /* the owner the archive gives */
	struct initrd_file *next;  /* next in its hash bucket */
};

/* Where and why parsing stopped. */
struct initrd_error {
	uint32_t offset;         /* byte offset of the bad header in the archive */
	char entry[64];          /* the entry's name if it could be read, else "" */
	const char *why;         /* "bad magic", "name runs past the archive", ... */
};

struct initrd;

/* Check every header of the archive in [base, base + size) (magic, hex
 * fields, name length and NUL, bounds, 4-byte alignment, the TRAILER!!!
 * entry) and index its files. Never reads outside the archive. Names
 * "./bin/sh", "bin/sh" and "/bin/sh" all index as "/bin/sh", "." as "/";
 * of two entries with the same name the later wins (as Linux's initramfs
 * unpacker overwrites); hard links share the data of the link that carries
 * it. Returns the index, or NULL with *err filled in (or NULL for ENOMEM
 * with err->why "out of memory"). The archive memory must outlive the
 * index, and so must every initrd_file a VMA points to. */
struct initrd *initrd_parse(const uint8_t *base, size_t size,
			    struct initrd_error *err);

/* Free the index (not the archive); NULL is ignored. */
void initrd_free(struct initrd *rd);

/* The file at path ("/bin/init" or "bin/init"; "/" is the archive's "."
 * entry if it has one; "." and empty components are not special, "" finds
 * nothing), or NULL. */
struct initrd_file *initrd_lookup(const struct initrd *rd, const char *path);

/* Call fn(f, ctx) on every entry of the index, in no particular order. */
void initrd_foreach(const struct initrd *rd,
		    void (*fn)(struct initrd_file *f, void *ctx), void *ctx);

/* True if a and b are two names of one hard-linked regular file (the
 * archive gives them the same inode and device numbers, nlink > 1). */
bool initrd_same_file(const struct initrd_file *a, const struct initrd_file *b);

/* Entries in the index: directories included; the trailer and entries
 * replaced by a later one of the same name not. */
size_t initrd_count(const struct initrd *rd);

/* The initrd this kernel booted with, or NULL if none (or it was corrupt). */
extern struct initrd *boot_initrd;

/* Find the initrd module in bootinfo and parse it into boot_initrd, with
 * a clear console message naming the entry and offset if it is corrupt. */
void initrd_init(void);

#endif
