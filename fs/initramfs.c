/* fs/initramfs.c: at boot, the cpio initrd becomes the writable tree, as
 * Linux unpacks its initramfs into tmpfs, except that nothing is copied:
 * a regular file's or symlink's vm_file points at its bytes in the archive
 * and the page cache fills pages from there on first use. /dev gets its
 * device nodes and /tmp here. */
#include "fs/inode.h"

#include "exec/initrd.h"
#include "fs/dev.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
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

/* Add one archive entry under the root, making its directories. */
static void add_entry(struct initrd_file *f, void *ctx)
{
	int *failed = ctx;
	const char *p = f->vmf.path;  /* "/a/b" */
	struct inode *dir = fs_root;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {  /* "/" itself: the root's permissions */
			if (S_ISDIR(f->mode))
				fs_root->mode = S_IFDIR | (f->mode & 07777);
			return;
		}
		uint32_t len = 0;
		while (p[len] && p[len] != '/')
			len++;
		const char *next = p + len;
		while (*next == '/')
			next++;
		if (!*next)
			break;  /* p is the last component */
		if (len > NAME_MAX || name_is_dot(p, len) ||
		    !(dir = subdir(dir, p, len)))
			goto out_fail;
		p = next;
	}
	uint32_t len = 0;
	while (p[len] && p[len] != '/')
		len++;
	if (len > NAME_MAX || name_is_dot(p, len))
		goto out_fail;  /* "a/../b" in an archive: refused, counted */
	struct inode *old = dir_find(dir, p, len);
	if (old && S_ISDIR(old->mode) && S_ISDIR(f->mode)) {
		old->mode = f->mode;  /* made before as a parent: now its mode */
		return;
	}
	if (old)
		dir_unlink(dir, p, len);  /* the later entry wins, as Linux */
	struct inode *i = inode_new(f->mode, NULL);
	if (!i)
		goto out_fail;
	i->vmf.path = f->vmf.path;  /* the index outlives the tree's use */
	if (S_ISREG(f->mode) || S_ISLNK(f->mode)) {
		i->vmf.data = f->vmf.data;
		i->vmf.size = i->vmf.data_size = f->vmf.size;
	}
	int err = dir_link(dir, p, len, i);
	inode_put(i);
	if (!err)
		return;
out_fail:
	(*failed)++;
}

void fs_init(void)
{
	fs_root = inode_new(S_IFDIR | 0755, NULL);
	if (!fs_root)
		panic("fs: no memory for the root directory");
	fs_root->vmf.path = "/";
	fs_root->nlink = 2;
	fs_root->parent = fs_root;  /* its reference is never dropped */
	int failed = 0;
	if (boot_initrd)
		initrd_foreach(boot_initrd, add_entry, &failed);
	if (failed)
		pr_err("fs: %d initrd entries could not be added\n", failed);
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
