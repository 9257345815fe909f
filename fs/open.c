/* fs/open.c: opening and closing files, and the descriptor calls: open,
 * openat, creat, close, dup, dup2, dup3, fcntl. */
#include "fs/syscalls.h"

#include "fs/dev.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"

/* Flags kept in the open file (F_GETFL); the rest act only at open. */
#define KEPT_FLAGS (~(uint32_t)(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC))
#define SETFL_FLAGS (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

struct fdtable *cur_files(void)
{
	struct proc *p = proc_current();
	return p ? p->files : NULL;
}

struct file *fget(int fd)
{
	struct fdtable *t = cur_files();
	return t ? fd_get(t, fd) : NULL;
}

int create_in(struct inode *dir, const char *name, uint32_t len,
	      uint32_t mode, struct inode **out)
{
	struct inode *i = inode_new(mode, name);
	if (!i)
		return -ENOMEM;
	inode_set_creator(i, dir);
	int err = dir_link(dir, name, len, i);
	if (err) {
		inode_put(i);
		return err;
	}
	*out = i;
	return 0;
}

static uint32_t cur_umask(void)
{
	struct proc *p = proc_current();
	return p ? p->umask : 022;
}

/* O_CREAT: find or make the last component. Returns 0 with w->inode. */
static int open_create(struct inode *base, char *path, uint32_t flags,
		       uint32_t mode, struct walk *w)
{
	int err = walk(base, path, WALK_PARENT, w);
	if (err)
		return err;
	if (w->last_len == 0 || w->slash || name_is_dot(w->last, w->last_len))
		return -EISDIR;
	struct inode *i = dir_find(w->dir, w->last, w->last_len);
	if (i && (flags & O_EXCL))
		return -EEXIST;
	if (i && S_ISLNK(i->mode)) {
		if (flags & O_NOFOLLOW)
			return -ELOOP;
		struct walk w2;
		err = walk(w->dir, (char *)w->last, WALK_FOLLOW, &w2);
		if (err)
			return err;
		w->inode = w2.inode;
		return 0;
	}
	if (i) {
		w->inode = inode_get(i);
		return 0;
	}
	if (w->dir->nlink == 0)
		return -ENOENT;  /* the directory was removed */
	return create_in(w->dir, w->last, w->last_len,
			 S_IFREG | (mode & 07777 & ~cur_umask()), &w->inode);
}

/* The operations for inode i opened with flags, or an error. */
static int ops_for(struct inode *i, uint32_t flags, const struct file_ops **ops)
{
	uint32_t acc = flags & O_ACCMODE;
	if (i->hooks && i->hooks->fops) {  /* a /proc file: read-only, but
					      for those with a write (fail-nth) */
		if ((acc != O_RDONLY && !i->hooks->fops->write) ||
		    (flags & O_TRUNC))
			return -EACCES;
		*ops = i->hooks->fops;
		return 0;
	}
	switch (i->mode & S_IFMT) {
	case S_IFDIR:
		if (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT)))
			return -EISDIR;
		*ops = &dir_ops;
		return 0;
	case S_IFREG:
		*ops = &regfile_ops;
		return 0;
	case S_IFLNK:
		return -ELOOP;  /* O_NOFOLLOW met a link */
	case S_IFCHR:
		*ops = dev_ops(i->rdev);
		return *ops ? 0 : -ENXIO;
	default:
		return -ENXIO;
	}
}

int file_open(struct inode *base, char *path, uint32_t flags, uint32_t mode,
	      struct file **out)
{
	struct walk w;
	unsigned wf = (flags & O_NOFOLLOW ? 0 : WALK_FOLLOW) |
		      (flags & O_DIRECTORY ? WALK_DIRECTORY : 0);
	int err = flags & O_CREAT ? open_create(base, path, flags, mode, &w)
				  : walk(base, path, wf, &w);
	if (err)
		goto out;
	struct inode *i = w.inode;
	const struct file_ops *ops;
	if ((flags & O_DIRECTORY) && !S_ISDIR(i->mode)) {
		err = S_ISLNK(i->mode) ? -ELOOP : -ENOTDIR;
		goto out;
	}
	if ((err = ops_for(i, flags, &ops)))
		goto out;
	bool writes = (flags & O_ACCMODE) != O_RDONLY;
	if (S_ISREG(i->mode) && (writes || (flags & O_TRUNC)) && i->writecount < 0) {
		err = -ETXTBSY;  /* a program being run */
		goto out;
	}
	*out = file_new(i, ops, flags & KEPT_FLAGS, NULL);
	err = *out ? 0 : -ENOMEM;
	if (err)
		goto out;
	if (S_ISREG(i->mode) && writes)
		i->writecount++;  /* file_put undoes it */
	if (S_ISREG(i->mode) && (flags & O_TRUNC))
		inode_truncate(i, 0);  /* even O_RDONLY | O_TRUNC, as Linux */
out:
	walk_done(&w);
	return err;
}

static long do_open(int dirfd, uint32_t upath, uint32_t flags, uint32_t mode)
{
	struct fdtable *t = cur_files();
	int err;
	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;  /* Linux 6.4 on: never a meaningful pair */
	char *path = path_from_user((const char *)upath, &err);
	if (!path)
		return err;
	struct inode *base;
	struct file *f;
	mutex_lock(&fs_tree_lock);
	if (!(err = path_base(dirfd, path, &base))) {
		err = file_open(base, path, flags, mode, &f);
		inode_put(base);
	}
	mutex_unlock(&fs_tree_lock);
	if (err)
		goto out_free;
	err = fd_install(t, 0, f, flags & O_CLOEXEC);
	if (err < 0)
		file_put(f);
out_free:
	path_free(path);
	return err;
}

long sys_open(uint32_t upath, uint32_t flags, uint32_t mode, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	return do_open(AT_FDCWD, upath, flags, mode);
}

long sys_openat(uint32_t dirfd, uint32_t upath, uint32_t flags,
		uint32_t mode, uint32_t a5, uint32_t a6)
{
	return do_open((int)dirfd, upath, flags, mode);
}

long sys_creat(uint32_t upath, uint32_t mode, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	return do_open(AT_FDCWD, upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(uint32_t fd, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct fdtable *t = cur_files();
	return t ? fd_close(t, (int)fd) : -EBADF;
}

long sys_dup(uint32_t fd, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5,
	     uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	int r = fd_install(cur_files(), 0, f, false);
	if (r < 0)
		file_put(f);
	return r;
}

static long do_dup3(int fd, int newfd, uint32_t flags)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int r = fd_install_at(cur_files(), newfd, f, flags & O_CLOEXEC);
	if (r < 0)
		file_put(f);
	return r;
}

long sys_dup2(uint32_t fd, uint32_t newfd, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	if (fd == newfd) {  /* no change, but fd must be open */
		struct file *f = fget((int)fd);
		file_put(f);
		return f ? (long)fd : -EBADF;
	}
	return do_dup3((int)fd, (int)newfd, 0);
}

long sys_dup3(uint32_t fd, uint32_t newfd, uint32_t flags, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	if (flags & ~(uint32_t)O_CLOEXEC)
		return -EINVAL;
	if (fd == newfd)
		return -EINVAL;
	return do_dup3((int)fd, (int)newfd, flags);
}

long sys_fcntl(uint32_t fd, uint32_t cmd, uint32_t arg, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct fdtable *t = cur_files();
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long r = 0;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= t->limit) {
			r = -EINVAL;
			break;
		}
		r = fd_install(t, (int)arg, file_get(f), cmd == F_DUPFD_CLOEXEC);
		if (r < 0)
			file_put(f);
		break;
	case F_GETFD:
		r = fd_cloexec(t, (int)fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		fd_set_cloexec(t, (int)fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		r = f->flags;
		break;
	case F_SETFL:
		f->flags = (f->flags & ~(uint32_t)SETFL_FLAGS) | (arg & SETFL_FLAGS);
		break;
	default:
		r = -EINVAL;
	}
	file_put(f);
	return r;
}
