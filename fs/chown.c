/* fs/chown.c: who owns a file. A new file belongs to its creator's fsuid
 * and fsgid (its directory's group instead when the directory is
 * set-group-ID, as Linux and BSD do); the initrd's files to the owner the
 * archive names. chown, lchown, fchown and fchownat (and the 16-bit-id
 * forms of the first three) change the owner by Linux's rules: only root
 * (fsuid 0, pagoda's stand-in for the CAP_CHOWN capability) gives a file
 * to another user; a file's owner may change its group to one of their
 * own groups; anyone else gets EPERM. A change moves ctime, and on a
 * non-directory it clears set-user-ID, and set-group-ID when the group may
 * execute, so a chown never hands out privileges. pagoda does not check
 * read or write permission against owners (one user; fs/stat.c). */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/stat.h"

#define ID_UNCHANGED 0xffffffffu  /* (uid_t)-1: leave this id alone */

static const struct cred *cur_cred(void)
{
	static const struct cred kernel_cred;  /* root, for kernel threads */
	struct proc *p = proc_current();
	return p ? &p->res.cred : &kernel_cred;
}

void inode_set_creator(struct inode *i, const struct inode *dir)
{
	const struct cred *c = cur_cred();
	i->uid = c->fsuid;
	i->gid = c->fsgid;
	if (dir->mode & S_ISGID) {
		i->gid = dir->gid;
		if (S_ISDIR(i->mode))
			i->mode |= S_ISGID;  /* the rule passes down the tree */
	}
}

static bool in_group(const struct cred *c, uint32_t gid)
{
	if (gid == c->fsgid)
		return true;
	for (uint32_t k = 0; k < c->ngroups; k++)
		if (c->groups[k] == gid)
			return true;
	return false;
}

/* Give i to uid and gid (ID_UNCHANGED: keep), if the caller may. */
static long set_owner(struct inode *i, uint32_t uid, uint32_t gid)
{
	const struct cred *c = cur_cred();
	bool root = c->fsuid == 0, owner = c->fsuid == i->uid;
	if (uid != ID_UNCHANGED && !root && !(owner && uid == i->uid))
		return -EPERM;
	if (gid != ID_UNCHANGED && !root &&
	    !(owner && (gid == i->gid || in_group(c, gid))))
		return -EPERM;
	mutex_lock(&fs_tree_lock);
	if (uid != ID_UNCHANGED)
		i->uid = uid;
	if (gid != ID_UNCHANGED)
		i->gid = gid;
	if (!S_ISDIR(i->mode)) {
		i->mode &= ~(uint32_t)S_ISUID;
		if (i->mode & S_IXGRP)
			i->mode &= ~(uint32_t)S_ISGID;
	}
	inode_touch(i, false, false, true);
	mutex_unlock(&fs_tree_lock);
	return 0;
}

static long chown_at(int dirfd, uint32_t upath, uint32_t uid, uint32_t gid,
		     uint32_t flags)
{
	if (flags & ~(uint32_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *i;
	int err = lookup_at(dirfd, upath, flags, &i);
	if (err)
		return err;
	long r = set_owner(i, uid, gid);
	inode_put(i);
	return r;
}

static long fchown_fd(int fd, uint32_t uid, uint32_t gid)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	/* A pipe has no inode here; Linux's pipe inode would take the
	 * owner, which nothing can read back: a success either way. */
	long r = f->inode ? set_owner(f->inode, uid, gid) : 0;
	file_put(f);
	return r;
}

/* The 16-bit forms: 0xffff is -1. */
static uint32_t id16(uint32_t id)
{
	return (id & 0xffff) == 0xffff ? ID_UNCHANGED : (id & 0xffff);
}

long sys_chown32(uint32_t upath, uint32_t uid, uint32_t gid, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return chown_at(AT_FDCWD, upath, uid, gid, 0);
}

long sys_lchown32(uint32_t upath, uint32_t uid, uint32_t gid, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return chown_at(AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown32(uint32_t fd, uint32_t uid, uint32_t gid, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return fchown_fd((int)fd, uid, gid);
}

long sys_fchownat(uint32_t dirfd, uint32_t upath, uint32_t uid, uint32_t gid,
		  uint32_t flags, uint32_t a6)
{
	return chown_at((int)dirfd, upath, uid, gid, flags);
}

long sys_chown16(uint32_t upath, uint32_t uid, uint32_t gid, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return chown_at(AT_FDCWD, upath, id16(uid), id16(gid), 0);
}

long sys_lchown16(uint32_t upath, uint32_t uid, uint32_t gid, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return chown_at(AT_FDCWD, upath, id16(uid), id16(gid), AT_SYMLINK_NOFOLLOW);
}

long sys_fchown16(uint32_t fd, uint32_t uid, uint32_t gid, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	return fchown_fd((int)fd, id16(uid), id16(gid));
}
