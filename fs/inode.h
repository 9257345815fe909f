/* fs/inode.h: the in-memory file tree (as Linux's tmpfs): inodes for
 * directories, regular files, symlinks and device nodes, and directory
 * entries that link names to them. A regular file's or symlink's bytes
 * live in the page cache, keyed by the vm_file embedded in its inode.
 * The kernel runs one thread at a time and never preempts kernel code,
 * and no function here sleeps, so a tree operation is never interleaved
 * with another (docs/locking.md). */
#ifndef FS_INODE_H
#define FS_INODE_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/stat.h"
#include "mm/vm_file.h"

#define NAME_MAX 255   /* bytes in one path component */
#define PATH_MAX 4096  /* bytes in a path, its NUL included */

struct inode;
struct file_ops;

/* A synthetic part of the tree (fs/procfs.c): its inodes carry hooks.
 * The tree's own inodes have none (NULL). */
struct inode_hooks {
	/* Directories: bring the entries up to date before a lookup of
	 * name[0..len), or of every name (len 0: getdents64). Called with
	 * fs_tree_lock held. */
	void (*refresh)(struct inode *dir, const char *name, uint32_t len);
	const struct file_ops *fops;  /* files: what open() gives them */
	int kind;                     /* the hooks' own: which file it is */
};

/* One name in a directory. */
struct dentry {
	struct dentry *next;   /* the directory's next entry (insertion order) */
	struct inode *inode;   /* what the name links to (counted in nlink) */
	uint32_t cookie;       /* getdents position: unique in its directory,
				  increasing along the list */
	uint16_t len;          /* bytes of name, 1..NAME_MAX */
	char name[];           /* NUL-terminated */
};

struct fs_time {
	uint32_t sec, nsec;    /* CLOCK_REALTIME: since the epoch */
};

#define FS_DEV 1  /* the tree's device number (tmpfs-like, anonymous:
		     major 0, minor 1) */

struct inode {
	struct vm_file vmf;    /* first: the page-cache key of its bytes
				  (regular files, symlinks), its size, and
				  its reference count (open files, working
				  directories, VMAs, walks in progress) */
	uint32_t ino;          /* unique, never reused */
	uint32_t mode;         /* S_IF* type and permission bits */
	uint32_t uid, gid;     /* the owner (fs/chown.c): a new file's
				  creator's fsuid and fsgid */
	uint32_t nlink;        /* directory entries naming it (for a
				  directory: 2 + its subdirectories) */
	uint32_t rdev;         /* device nodes: MKDEV(major, minor) */
	struct fs_time atime, mtime, ctime;
	int writecount;        /* regular files: > 0, open files that may
				  write it; < 0, minus the processes running
				  it (exec); the two exclude each other:
				  ETXTBSY (inode_deny_write) */
	struct inode *parent;  /* directories: what ".." names (the root's
				  is itself); once removed, still its old
				  parent, held, while it is held itself */
	struct dentry *entries;  /* directories: the entries, oldest first */
	uint32_t next_cookie;  /* directories: cookie of the next entry */
	char *path_copy;       /* kmalloc'd name for vmf.path, or NULL */
	const struct inode_hooks *hooks;  /* NULL, or fs/procfs.c's */
	uint32_t hook_arg;     /* the hooks' own (a /proc entry's pid) */
};

/* An inode is freed when nothing links it (nlink 0) and nothing holds it
 * (refs 0); the root is never freed. */
static inline struct inode *inode_get(struct inode *i)
{
	vm_file_get(i ? &i->vmf : NULL);
	return i;
}

static inline void inode_put(struct inode *i)
{
	if (i)
		vm_file_put(&i->vmf);
}

static inline struct inode *inode_of(struct vm_file *f)
{
	return (struct inode *)f;
}

/* The root directory ("/"); fs_init() creates it. */
extern struct inode *fs_root;

/* A new inode of mode (type and permissions) with nlink 0 and one
 * reference for the caller; path names it in listings (copied, may be
 * NULL). Returns NULL when out of memory. */
struct inode *inode_new(uint32_t mode, const char *path);

/* The inode dir's entry name[0..len) links to, or NULL. dir is a
 * directory; "." and ".." are not entries (the walk handles them). */
struct inode *dir_find(struct inode *dir, const char *name, uint32_t len);

/* Link name[0..len) in dir to i (nlink and, for a directory, its parent
 * and dir's nlink updated; times set). The name must not exist. Returns
 * 0 or -ENOMEM. */
int dir_link(struct inode *dir, const char *name, uint32_t len, struct inode *i);

/* Remove dir's entry name[0..len) (which must exist) and drop the link:
 * nlink decremented (for a directory: set to 0, dir's nlink decremented),
 * the inode freed if nothing else holds it. */
void dir_unlink(struct inode *dir, const char *name, uint32_t len);

/* Move entry oname in odir to nname in ndir (rename), replacing what
 * nname linked to (the caller checked that is allowed). Returns 0, or
 * -ENOMEM with nothing changed. */
int dir_rename(struct inode *odir, const char *oname, uint32_t olen,
	       struct inode *ndir, const char *nname, uint32_t nlen);

/* True if directory dir has no entries. */
bool dir_empty(const struct inode *dir);

/* True if dir is anc or lies below it. */
bool dir_is_under(const struct inode *dir, const struct inode *anc);

/* Set a file's size (regular files): see pagecache_truncate(). */
void inode_truncate(struct inode *i, uint32_t size);

/* A process starts running i (exec, fork): writing it is refused from now
 * on. Returns 0, or -ETXTBSY if a file open for writing holds it. Undo
 * with inode_allow_write(). */
int inode_deny_write(struct inode *i);
void inode_allow_write(struct inode *i);

/* The realtime clock as a file time (0 before the clock is set). */
struct fs_time fs_now(void);

/* Update times: atime (read), mtime and ctime (data written), ctime
 * (metadata changed). */
void inode_touch(struct inode *i, bool access, bool modify, bool change);

/* Copy up to n bytes of i's data from offset off into the kernel buffer
 * buf (regular files and symlinks). Returns bytes copied (short at end
 * of file) or -ENOMEM. */
long inode_read_kernel(struct inode *i, uint32_t off, void *buf, uint32_t n);

/* Write n bytes of kernel buffer buf at offset off, growing the file.
 * Returns n or -ENOMEM/-ENOSPC (then nothing of the write is kept). */
long inode_write_kernel(struct inode *i, uint32_t off, const void *buf,
			uint32_t n);

/* Build the tree: an empty root, the initrd's entries (file data stays in
 * the archive until a page is first needed), and /dev. Call once at boot
 * after initrd_init(). */
void fs_init(void);

/* Inodes alive now (tests check for leaks). */
uint32_t inode_count(void);

#endif
