/* fs/rename.c: the calls that take two paths: link, linkat, rename,
 * renameat. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/uapi/errno.h"

struct two {
	struct walk w;
	char *path;
};

/* Walk to the last component's directory. fs_tree_lock held. */
static int parent2(int dirfd, uint32_t upath, struct two *t)
{
	int err;
	t->w = (struct walk){ 0 };
	t->path = path_from_user((const char *)upath, &err);
	if (!t->path)
		return err;
	struct inode *base;
	if (!(err = path_base(dirfd, t->path, &base))) {
		err = walk(base, t->path, WALK_PARENT, &t->w);
		inode_put(base);
	}
	return err;
}

static void done2(struct two *t)
{
	walk_done(&t->w);
	path_free(t->path);
	t->path = NULL;
}

static long link_at(int olddirfd, uint32_t uold, int newdirfd, uint32_t unew,
		    uint32_t flags)
{
	if (flags & ~(uint32_t)(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct two n = { { 0 }, NULL };
	int err;
	char *opath = path_from_user((const char *)uold, &err);
	if (!opath)
		return err;
	struct inode *base;
	struct walk ow = { 0 };
	mutex_lock(&fs_tree_lock);
	if ((err = path_base(olddirfd, opath, &base)))
		goto out;
	err = walk(base, opath, flags & AT_SYMLINK_FOLLOW ? WALK_FOLLOW : 0, &ow);
	inode_put(base);
	if (err || (err = parent2(newdirfd, unew, &n)))
		goto out;
	struct inode *i = ow.inode;
	if (S_ISDIR(i->mode))
		err = -EPERM;  /* no hard links to directories */
	else if (n.w.last_len == 0 || name_is_dot(n.w.last, n.w.last_len) ||
		 dir_find(n.w.dir, n.w.last, n.w.last_len))
		err = -EEXIST;
	else if (n.w.slash)
		err = -ENOENT;
	else if (n.w.dir->nlink == 0 || i->nlink == 0)
		err = -ENOENT;
	else
		err = dir_link(n.w.dir, n.w.last, n.w.last_len, i);
out:
	done2(&n);
	walk_done(&ow);
	mutex_unlock(&fs_tree_lock);
	path_free(opath);
	return err;
}

long sys_link(uint32_t uold, uint32_t unew, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	return link_at(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

long sys_linkat(uint32_t olddirfd, uint32_t uold, uint32_t newdirfd,
		uint32_t unew, uint32_t flags, uint32_t a6)
{
	return link_at((int)olddirfd, uold, (int)newdirfd, unew, flags);
}

/* The checks of rename(2) once both names are resolved; i is the source
 * inode, t the target's or NULL. */
static int rename_check(struct two *o, struct two *n, struct inode *i,
			struct inode *t)
{
	if (!i)
		return -ENOENT;
	if ((o->w.slash || n->w.slash) && !S_ISDIR(i->mode))
		return -ENOTDIR;
	if (S_ISDIR(i->mode) && dir_is_under(n->w.dir, i))
		return -EINVAL;  /* into itself */
	if (!t)
		return n->w.dir->nlink == 0 ? -ENOENT : 0;
	if (S_ISDIR(i->mode) && !S_ISDIR(t->mode))
		return -ENOTDIR;
	if (!S_ISDIR(i->mode) && S_ISDIR(t->mode))
		return -EISDIR;
	if (S_ISDIR(t->mode) && !dir_empty(t))
		return -ENOTEMPTY;
	return 0;
}

static long rename_at(int olddirfd, uint32_t uold, int newdirfd, uint32_t unew)
{
	struct two o = { { 0 }, NULL }, n = { { 0 }, NULL };
	mutex_lock(&fs_tree_lock);
	int err = parent2(olddirfd, uold, &o);
	if (err || (err = parent2(newdirfd, unew, &n)))
		goto out;
	if (o.w.last_len == 0 || name_is_dot(o.w.last, o.w.last_len) ||
	    n.w.last_len == 0 || name_is_dot(n.w.last, n.w.last_len)) {
		err = -EBUSY;  /* "/", "." or "..": not a name to move */
		goto out;
	}
	struct inode *i = dir_find(o.w.dir, o.w.last, o.w.last_len);
	struct inode *t = dir_find(n.w.dir, n.w.last, n.w.last_len);
	if ((err = rename_check(&o, &n, i, t)) || i == t)
		goto out;  /* the same file under both names: nothing to do */
	err = dir_rename(o.w.dir, o.w.last, o.w.last_len, n.w.dir, n.w.last,
			 n.w.last_len);
out:
	done2(&n);
	done2(&o);
	mutex_unlock(&fs_tree_lock);
	return err;
}

long sys_rename(uint32_t uold, uint32_t unew, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return rename_at(AT_FDCWD, uold, AT_FDCWD, unew);
}

long sys_renameat(uint32_t olddirfd, uint32_t uold, uint32_t newdirfd,
		  uint32_t unew, uint32_t a5, uint32_t a6)
{
	return rename_at((int)olddirfd, uold, (int)newdirfd, unew);
}
