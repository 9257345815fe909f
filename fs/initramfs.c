/* fs/initramfs.c: at boot, the cpio initrd becomes the writable tree, as
 * Linux unpacks its initramfs into tmpfs, except that nothing is copied:
 * a regular file's or symlink's vm_file points at its bytes in the archive
 * and the page cache fills pages from there on first use. Names of one
 * hard-linked file become one inode; times are the archive's. /dev gets
 * its device nodes and /tmp here. */
#include "fs/inode.h"

#include "exec/initrd.h"
#include "fs/dev.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "mm/kheap.h"
#include "kernel/panic.h"

/* The directory name[0..len) in dir, created (mode 0755) if missing.
 * Returns NULL if a non-directory has the name or memory ran out. */
static struct inode *subdir(struct inode *dir, const char *name, uint32_t len)
{
	struct inode *d = dir_find(dir, name, len);
	if (d)
		return S_ISDIR(d->mode) ? d : NULL;
	d = inode_new(S_IFDIR | 0755, NULL);
	if (!d)
		return NULL;
	if (dir_link(dir, name, len, d)) {
		inode_put(d);  /* nlink 0: freed */
		return NULL;
	}
	inode_put(d);  /* the entry keeps it */
	return d;
}

/* A hard-linked file already in the tree, for its other names. */
struct linked {
	struct initrd_file *f;
	struct inode *i;       /* a reference held until the tree is built */
	struct linked *next;
};

struct unpack {
	int failed;            /* entries that could not be added */
	struct linked *linked; /* hard-linked files met so far */
};

/* The directory that holds path's last component, made if make is set
 * (else NULL if missing); *name, *len get the component ("" for "/").
 * NULL for a bad component ("..", too long) or no memory. */
static struct inode *parent_of(const char *path, bool make, const char **name,
			       uint32_t *len)
{
	const char *p = path;  /* "/a/b" */
	struct inode *dir = fs_root;
	for (;;) {
		while (*p == '/')
			p++;
		uint32_t n = 0;
		while (p[n] && p[n] != '/')
			n++;
		const char *next = p + n;
		while (*next == '/')
			next++;
		if (n > NAME_MAX || (n && name_is_dot(p, n)))
			return NULL;  /* "a/../b" in an archive: refused */
		if (!*next) {
			*name = p;
			*len = n;
			return dir;
		}
		dir = make ? subdir(dir, p, n) : dir_find(dir, p, n);
		if (!dir || !S_ISDIR(dir->mode))
			return NULL;
		p = next;
	}
}

/* The inode for archive entry f: another name's inode if f is a hard link
 * of a file already added, else a new one (NULL without memory). */
static struct inode *entry_inode(struct unpack *u, struct initrd_file *f)
{
	for (struct linked *l = u->linked; l; l = l->next)
		if (initrd_same_file(l->f, f))
			return inode_get(l->i);
	struct inode *i = inode_new(f->mode, NULL);
	if (!i)
		return NULL;
	i->vmf.path = f->vmf.path;  /* the index outlives the tree's use */
	if (S_ISREG(f->mode) || S_ISLNK(f->mode)) {
		i->vmf.data = f->vmf.data;
		i->vmf.size = i->vmf.data_size = f->vmf.size;
	}
	i->atime = i->mtime = i->ctime = (struct fs_time){ f->mtime, 0 };
	i->uid = f->uid;
	i->gid = f->gid;
	struct linked *l;
	if (S_ISREG(f->mode) && (l = kmalloc(sizeof(*l)))) {
		*l = (struct linked){ f, inode_get(i), u->linked };
		u->linked = l;
	}
	return i;
}

/* Add one archive entry under the root, making its directories. */
static void add_entry(struct initrd_file *f, void *ctx)
{
	struct unpack *u = ctx;
	const char *p;
	uint32_t len;
	struct inode *dir = parent_of(f->vmf.path, true, &p, &len);
	if (!dir)
		goto out_fail;
	if (!len) {  /* "/" itself: the root's permissions */
		if (S_ISDIR(f->mode))
			fs_root->mode = S_IFDIR | (f->mode & 07777);
		return;
	}
	struct inode *old = dir_find(dir, p, len);
	if (old && S_ISDIR(old->mode) && S_ISDIR(f->mode)) {
		old->mode = f->mode;  /* made before as a parent: now its mode */
		return;
	}
	if (old)
		dir_unlink(dir, p, len);  /* the later entry wins, as Linux */
	struct inode *i = entry_inode(u, f);
	if (!i)
		goto out_fail;
	int err = dir_link(dir, p, len, i);
	i->ctime = i->mtime;  /* a second name is not a change here */
	inode_put(i);
	if (!err)
		return;
out_fail:
	u->failed++;
}

/* Once every entry is in: a directory's times are the archive's (adding
 * its entries touched them), as Linux's unpacker sets them last. */
static void set_dir_time(struct initrd_file *f, void *ctx)
{
	const char *p;
	uint32_t len;
	struct inode *dir = S_ISDIR(f->mode) ? parent_of(f->vmf.path, false, &p, &len) : NULL;
	struct inode *d = dir && len ? dir_find(dir, p, len) : dir;
	if (d && S_ISDIR(d->mode))
		d->atime = d->mtime = d->ctime = (struct fs_time){ f->mtime, 0 };
}

void fs_init(void)
{
	fs_root = inode_new(S_IFDIR | 0755, NULL);
	if (!fs_root)
		panic("fs: no memory for the root directory");
	fs_root->vmf.path = "/";
	fs_root->nlink = 2;
	fs_root->parent = fs_root;  /* its reference is never dropped */
	struct unpack u = { 0, NULL };
	if (boot_initrd) {
		initrd_foreach(boot_initrd, add_entry, &u);
		initrd_foreach(boot_initrd, set_dir_time, NULL);
	}
	while (u.linked) {
		struct linked *l = u.linked;
		u.linked = l->next;
		inode_put(l->i);
		kfree(l);
	}
	if (u.failed)
		pr_err("fs: %d initrd entries could not be added\n", u.failed);
	struct inode *tmp = subdir(fs_root, "tmp", 3);
	if (tmp)
		tmp->mode = S_IFDIR | 01777;  /* for everyone, sticky */
	struct inode *dev = subdir(fs_root, "dev", 3);
	if (!dev || dev_populate(dev))
		pr_err("fs: /dev could not be populated\n");
	struct inode *proc = subdir(fs_root, "proc", 4);
	if (!proc || procfs_populate(proc))
		pr_err("fs: /proc could not be populated\n");
	pr_info("fs: %u inodes\n", inode_count());
}
