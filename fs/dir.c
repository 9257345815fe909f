/* fs/dir.c: directories: getdents64 and the calls that change names:
 * mkdir, mkdirat, rmdir, unlink, unlinkat, link, linkat, symlink,
 * symlinkat, readlink, readlinkat, rename, renameat. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/preempt.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

/* ---- reading a directory ---- */

static long dir_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	return -EISDIR;
}

/* Positions: 0 is before ".", 1 before "..", and cookie + 1 before the
 * entry with that cookie (cookies start at 1 and increase along the
 * list, so an entry removed or added elsewhere never moves the others). */
static int64_t dir_llseek(struct file *f, int64_t off, int whence)
{
	if (whence == SEEK_CUR)
		off += (int64_t)f->pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	return off < 0 ? -EINVAL : off;
}

const struct file_ops dir_ops = {
	.read = dir_read, .llseek = dir_llseek,
};

static uint8_t dtype(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return DT_DIR;
	case S_IFREG: return DT_REG;
	case S_IFLNK: return DT_LNK;
	case S_IFCHR: return DT_CHR;
	case S_IFIFO: return DT_FIFO;
	default: return DT_UNKNOWN;
	}
}

/* Put one record at ubuf + *used if it fits. Returns 1 if it did, 0 if it
 * does not fit, -EFAULT. */
static int emit(uint8_t *ubuf, uint32_t n, uint32_t *used, uint32_t ino,
		int64_t next, uint8_t type, const char *name, uint32_t len)
{
	struct linux_dirent64 d;
	uint32_t reclen = (offsetof(struct linux_dirent64, d_name) + len + 1 + 7) & ~7u;
	if (*used + reclen > n)
		return 0;
	d.d_ino = ino;
	d.d_off = next;
	d.d_reclen = (uint16_t)reclen;
	d.d_type = type;
	static const char zeros[8];
	uint8_t *p = ubuf + *used;
	uint32_t head = offsetof(struct linux_dirent64, d_name);
	if (copy_to_user(p, &d, head) || copy_to_user(p + head, name, len) ||
	    copy_to_user(p + head + len, zeros, reclen - head - len))
		return -EFAULT;
	*used += reclen;
	return 1;
}

long sys_getdents64(uint32_t fd, uint32_t ubuf, uint32_t n, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	struct inode *dir = f->inode;
	long err = 0;
	uint32_t used = 0;
	if (!dir || !S_ISDIR(dir->mode)) {
		err = -ENOTDIR;
		goto out;
	}
	if (!user_range_ok((void *)ubuf, n)) {
		err = -EFAULT;
		goto out;
	}
	mutex_lock(&fs_tree_lock);
	if (dir->nlink == 0) {
		mutex_unlock(&fs_tree_lock);
		goto out;  /* removed: nothing left to list */
	}
	if (dir->hooks && dir->hooks->refresh)  /* /proc: made on demand */
		dir->hooks->refresh(dir, NULL, 0);
	int r = 1;
	if (f->pos == 0 && (r = emit((uint8_t *)ubuf, n, &used, dir->ino, 1,
				     DT_DIR, ".", 1)) == 1)
		f->pos = 1;
	struct inode *up = dir->parent ? dir->parent : dir;
	if (r == 1 && f->pos == 1 &&
	    (r = emit((uint8_t *)ubuf, n, &used, up->ino, 2, DT_DIR, "..", 2)) == 1)
		f->pos = 2;
	for (struct dentry *d = dir->entries; r == 1 && d; d = d->next) {
		if (d->cookie + 2 <= f->pos)  /* listed already */
			continue;
		r = emit((uint8_t *)ubuf, n, &used, d->inode->ino, d->cookie + 2,
			 dtype(d->inode->mode), d->name, d->len);
		if (r == 1)
			f->pos = d->cookie + 2;
		cond_resched();  /* a mutex may be held across a yield */
	}
	inode_touch(dir, true, false, false);  /* a listing reads it */
	mutex_unlock(&fs_tree_lock);
	if (r < 0 && !used)
		err = r;
	else if (r == 0 && !used)
		err = -EINVAL;  /* the buffer cannot hold one record */
out:
	file_put(f);
	return err ? err : (long)used;
}

/* ---- changing names ---- */

/* Walk dirfd/upath to its last component's directory. Returns 0 with *w,
 * *path and fs_tree_lock held (release all with parent_done), or -errno
 * with nothing held. */
static int parent_at(int dirfd, uint32_t upath, struct walk *w, char **path)
{
	int err;
	*path = path_from_user((const char *)upath, &err);
	if (!*path)
		return err;
	struct inode *base;
	mutex_lock(&fs_tree_lock);
	if (!(err = path_base(dirfd, *path, &base))) {
		err = walk(base, *path, WALK_PARENT, w);
		inode_put(base);
	}
	if (err) {
		mutex_unlock(&fs_tree_lock);
		path_free(*path);
		*path = NULL;
	}
	return err;
}

/* Undo parent_at(): the lock it left held, the walk, the buffer. */
static void parent_done(struct walk *w, char *path)
{
	walk_done(w);
	mutex_unlock(&fs_tree_lock);
	path_free(path);
}

static uint32_t cur_umask(void)
{
	struct proc *p = proc_current();
	return p ? p->umask : 022;
}

static long mkdir_at(int dirfd, uint32_t upath, uint32_t mode)
{
	struct walk w;
	char *path;
	int err = parent_at(dirfd, upath, &w, &path);
	if (err)
		return err;
	struct inode *i;
	if (w.last_len == 0 || name_is_dot(w.last, w.last_len) ||
	    dir_find(w.dir, w.last, w.last_len))
		err = -EEXIST;
	else if (w.dir->nlink == 0)
		err = -ENOENT;
	else if (!(err = create_in(w.dir, w.last, w.last_len,
				   S_IFDIR | (mode & 07777 & ~cur_umask()), &i)))
		inode_put(i);
	parent_done(&w, path);
	return err;
}

long sys_mkdir(uint32_t upath, uint32_t mode, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	return mkdir_at(AT_FDCWD, upath, mode);
}

long sys_mkdirat(uint32_t dirfd, uint32_t upath, uint32_t mode, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return mkdir_at((int)dirfd, upath, mode);
}

/* unlink (dir false) or rmdir (dir true) of dirfd/upath. */
static long remove_at(int dirfd, uint32_t upath, bool dir)
{
	struct walk w;
	char *path;
	int err = parent_at(dirfd, upath, &w, &path);
	if (err)
		return err;
	struct inode *i = w.last_len ? dir_find(w.dir, w.last, w.last_len) : NULL;
	if (dir && (w.last_len == 0 ||
		    (w.last_len == 2 && w.last[0] == '.' && w.last[1] == '.')))
		err = w.last_len ? -ENOTEMPTY : -EBUSY;  /* "..", or "/" */
	else if (dir && w.last_len == 1 && w.last[0] == '.')
		err = -EINVAL;
	else if (!dir && (w.last_len == 0 || name_is_dot(w.last, w.last_len)))
		err = -EISDIR;
	else if (!i)
		err = -ENOENT;
	else if (dir && !S_ISDIR(i->mode))
		err = -ENOTDIR;
	else if (!dir && S_ISDIR(i->mode))
		err = -EISDIR;
	else if (!dir && w.slash)
		err = -ENOTDIR;
	else if (dir && !dir_empty(i))
		err = -ENOTEMPTY;
	else
		dir_unlink(w.dir, w.last, w.last_len);
	parent_done(&w, path);
	return err;
}

long sys_unlink(uint32_t upath, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return remove_at(AT_FDCWD, upath, false);
}

long sys_rmdir(uint32_t upath, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	return remove_at(AT_FDCWD, upath, true);
}

long sys_unlinkat(uint32_t dirfd, uint32_t upath, uint32_t flags,
		  uint32_t a4, uint32_t a5, uint32_t a6)
{
	if (flags & ~(uint32_t)AT_REMOVEDIR)
		return -EINVAL;
	return remove_at((int)dirfd, upath, flags & AT_REMOVEDIR);
}

static long symlink_at(uint32_t utarget, int dirfd, uint32_t upath)
{
	int err;
	char *target = path_from_user((const char *)utarget, &err);
	if (!target)
		return err;
	uint32_t tlen = strlen(target);
	struct walk w;
	char *path;
	if (tlen == 0) {
		err = -ENOENT;
		goto out_target;
	}
	if ((err = parent_at(dirfd, upath, &w, &path)))
		goto out_target;
	struct inode *i;
	if (w.last_len == 0 || name_is_dot(w.last, w.last_len) ||
	    dir_find(w.dir, w.last, w.last_len))
		err = -EEXIST;
	else if (w.dir->nlink == 0)
		err = -ENOENT;
	else if (!(err = create_in(w.dir, w.last, w.last_len, S_IFLNK | 0777, &i))) {
		if (inode_write_kernel(i, 0, target, tlen) < 0) {
			dir_unlink(w.dir, w.last, w.last_len);
			err = -ENOSPC;
		}
		inode_put(i);
	}
	parent_done(&w, path);
out_target:
	path_free(target);
	return err;
}

long sys_symlink(uint32_t utarget, uint32_t upath, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return symlink_at(utarget, AT_FDCWD, upath);
}

long sys_symlinkat(uint32_t utarget, uint32_t dirfd, uint32_t upath,
		   uint32_t a4, uint32_t a5, uint32_t a6)
{
	return symlink_at(utarget, (int)dirfd, upath);
}

static long readlink_at(int dirfd, uint32_t upath, uint32_t ubuf, uint32_t n)
{
	if ((int32_t)n <= 0)
		return -EINVAL;
	int err;
	char *path = path_from_user((const char *)upath, &err);
	if (!path)
		return err;
	struct inode *base;
	struct walk w = { 0 };
	mutex_lock(&fs_tree_lock);
	if ((err = path_base(dirfd, path, &base)))
		goto out;
	err = walk(base, path, 0, &w);
	inode_put(base);
	if (err)
		goto out;
	struct inode *i = w.inode;
	if (!S_ISLNK(i->mode)) {
		err = -EINVAL;
		goto out;
	}
	uint32_t len = i->vmf.size < n ? i->vmf.size : n;
	long got = inode_read_kernel(i, 0, path, len);  /* reuse the buffer */
	if (got < 0)
		err = (int)got;
	else
		err = copy_to_user((void *)ubuf, path, got) ? -EFAULT : (int)got;
	if (err >= 0)
		inode_touch(i, true, false, false);
out:
	walk_done(&w);
	mutex_unlock(&fs_tree_lock);
	path_free(path);
	return err;
}

long sys_readlink(uint32_t upath, uint32_t ubuf, uint32_t n, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return readlink_at(AT_FDCWD, upath, ubuf, n);
}

long sys_readlinkat(uint32_t dirfd, uint32_t upath, uint32_t ubuf, uint32_t n,
		    uint32_t a5, uint32_t a6)
{
	return readlink_at((int)dirfd, upath, ubuf, n);
}
