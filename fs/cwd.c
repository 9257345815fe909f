/* fs/cwd.c: the working directory: chdir, fchdir, getcwd. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

static void set_cwd(struct inode *dir)
{
	struct proc *p = proc_current();
	inode_put(p->cwd);
	p->cwd = inode_get(dir);
}

long sys_chdir(uint32_t upath, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	int err;
	char *path = path_from_user((const char *)upath, &err);
	if (!path)
		return err;
	struct inode *cwd = fs_cwd();
	struct walk w;
	mutex_lock(&fs_tree_lock);
	err = walk(cwd, path, WALK_FOLLOW | WALK_DIRECTORY, &w);
	mutex_unlock(&fs_tree_lock);
	inode_put(cwd);
	if (!err) {
		set_cwd(w.inode);
		walk_done(&w);
	}
	path_free(path);
	return err;
}

long sys_fchdir(uint32_t fd, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long err = 0;
	if (!f->inode || !S_ISDIR(f->inode->mode))
		err = -ENOTDIR;
	else
		set_cwd(f->inode);
	file_put(f);
	return err;
}

/* The name under which dir appears in its parent. */
static const struct dentry *name_in_parent(const struct inode *dir)
{
	for (const struct dentry *d = dir->parent->entries; d; d = d->next)
		if (d->inode == dir)
			return d;
	return NULL;
}

/* Write the absolute path of dir at the end of buf[0..PATH_MAX); returns
 * where it starts, or NULL if dir was removed (or the path is too long). */
static char *path_of(const struct inode *dir, char *buf)
{
	char *p = buf + PATH_MAX - 1;
	*p = '\0';
	if (dir == fs_root) {
		*--p = '/';
		return p;
	}
	for (; dir != fs_root; dir = dir->parent) {
		if (dir->nlink == 0 || !dir->parent)
			return NULL;
		const struct dentry *d = name_in_parent(dir);
		if (!d || (uint32_t)(p - buf) < d->len + 1u)
			return NULL;
		p -= d->len;
		memcpy(p, d->name, d->len);
		*--p = '/';
	}
	return p;
}

long sys_getcwd(uint32_t ubuf, uint32_t size, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	paddr_t page = pmm_alloc_frame(PMM_LOWMEM);
	if (!page)
		return -ENOMEM;
	struct inode *cwd = fs_cwd();
	char *buf = P2V(page);
	mutex_lock(&fs_tree_lock);
	char *p = path_of(cwd, buf);
	mutex_unlock(&fs_tree_lock);
	long r;
	if (!p) {
		r = -ENOENT;
	} else {
		uint32_t len = buf + PATH_MAX - p;  /* NUL included */
		if (len > size)
			r = -ERANGE;
		else
			r = copy_to_user((void *)ubuf, p, len) ? -EFAULT : (long)len;
	}
	inode_put(cwd);
	pmm_free_frame(page);
	return r;
}
