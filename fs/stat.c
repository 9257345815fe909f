/* fs/stat.c: what a file is and may become: stat64, lstat64, fstat64,
 * fstatat64, statx, access, faccessat, umask, chmod, fchmod, truncate64,
 * ftruncate64, fsync, fdatasync, sync, syncfs. Files have owners
 * (fs/chown.c), but every permission check but exec's succeeds, as
 * root's do on Linux. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"

static uint64_t blocks_of(const struct inode *i)
{
	if (!S_ISREG(i->mode) && !S_ISLNK(i->mode))
		return 0;
	return ((uint64_t)i->vmf.size + PAGE_SIZE - 1) / PAGE_SIZE * (PAGE_SIZE / 512);
}

static uint32_t size_of(const struct inode *i)
{
	if (S_ISDIR(i->mode))
		return 0;  /* Linux's tmpfs reports a size for directories;
			      pagoda reports none */
	return S_ISCHR(i->mode) ? 0 : i->vmf.size;
}

static int fill_stat64(const struct inode *i, void *ubuf)
{
	struct stat64 st;
	memset(&st, 0, sizeof(st));
	st.st_dev = FS_DEV;
	st.__st_ino = i->ino;
	st.st_ino = i->ino;
	st.st_mode = i->mode;
	st.st_uid = i->uid;
	st.st_gid = i->gid;
	st.st_nlink = i->nlink;
	st.st_rdev = i->rdev;
	st.st_size = size_of(i);
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = blocks_of(i);
	st.st_atime_sec = i->atime.sec;
	st.st_atime_nsec = i->atime.nsec;
	st.st_mtime_sec = i->mtime.sec;
	st.st_mtime_nsec = i->mtime.nsec;
	st.st_ctime_sec = i->ctime.sec;
	st.st_ctime_nsec = i->ctime.nsec;
	return copy_to_user(ubuf, &st, sizeof(st));
}

static void ts(struct statx_timestamp *t, struct fs_time ft)
{
	t->tv_sec = ft.sec;
	t->tv_nsec = ft.nsec;
}

/* struct statx is 256 bytes: built on the heap, not the kernel stack. */
static int fill_statx(const struct inode *i, void *ubuf)
{
	struct statx *sx = kzalloc(sizeof(*sx));
	if (!sx)
		return -ENOMEM;
	sx->stx_mask = STATX_BASIC_STATS;
	sx->stx_blksize = PAGE_SIZE;
	sx->stx_nlink = i->nlink;
	sx->stx_mode = (uint16_t)i->mode;
	sx->stx_uid = i->uid;
	sx->stx_gid = i->gid;
	sx->stx_ino = i->ino;
	sx->stx_size = size_of(i);
	sx->stx_blocks = blocks_of(i);
	ts(&sx->stx_atime, i->atime);
	ts(&sx->stx_ctime, i->ctime);
	ts(&sx->stx_mtime, i->mtime);
	sx->stx_rdev_major = i->rdev >> 8;
	sx->stx_rdev_minor = i->rdev & 0xff;
	sx->stx_dev_major = 0;
	sx->stx_dev_minor = FS_DEV;
	int err = copy_to_user(ubuf, sx, sizeof(*sx));
	kfree(sx);
	return err;
}

/* The inode a *at() call names: path from dirfd, AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH honoured. Returns 0 with *out held, or -errno. */
int lookup_at(int dirfd, uint32_t upath, uint32_t atflags,
	      struct inode **out)
{
	int err;
	char *path = path_from_user((const char *)upath, &err);
	if (!path)
		return err;
	struct inode *base;
	if (!path[0] && (atflags & AT_EMPTY_PATH) && dirfd != AT_FDCWD) {
		struct file *f = fget(dirfd);  /* any file, not only a directory */
		err = !f ? -EBADF : !f->inode ? -EINVAL : 0;
		if (!err)
			*out = inode_get(f->inode);
		file_put(f);
		goto out_free;
	}
	mutex_lock(&fs_tree_lock);
	if (!(err = path_base(dirfd, path, &base))) {
		struct walk w;
		unsigned flags = (atflags & AT_SYMLINK_NOFOLLOW ? 0 : WALK_FOLLOW) |
				 (atflags & AT_EMPTY_PATH ? WALK_EMPTY : 0);
		err = walk(base, path, flags, &w);
		inode_put(base);
		if (!err)
			*out = w.inode;
	}
	mutex_unlock(&fs_tree_lock);
out_free:
	path_free(path);
	return err;
}

static long stat_at(int dirfd, uint32_t upath, uint32_t ubuf, uint32_t atflags)
{
	if (atflags & ~(uint32_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH |
				  AT_NO_AUTOMOUNT))
		return -EINVAL;
	struct inode *i;
	int err = lookup_at(dirfd, upath, atflags, &i);
	if (err)
		return err;
	err = fill_stat64(i, (void *)ubuf);
	inode_put(i);
	return err;
}

long sys_stat64(uint32_t upath, uint32_t ubuf, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return stat_at(AT_FDCWD, upath, ubuf, 0);
}

long sys_lstat64(uint32_t upath, uint32_t ubuf, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return stat_at(AT_FDCWD, upath, ubuf, AT_SYMLINK_NOFOLLOW);
}

long sys_fstatat64(uint32_t dirfd, uint32_t upath, uint32_t ubuf,
		   uint32_t atflags, uint32_t a5, uint32_t a6)
{
	return stat_at((int)dirfd, upath, ubuf, atflags);
}

long sys_fstat64(uint32_t fd, uint32_t ubuf, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	int err;
	if (f->inode) {
		err = fill_stat64(f->inode, (void *)ubuf);
	} else {  /* an inode-less file: a character device, as the console */
		struct inode fake = { .mode = S_IFCHR | 0600, .nlink = 1 };
		err = fill_stat64(&fake, (void *)ubuf);
	}
	file_put(f);
	return err;
}

/* statx(dirfd, path, flags, mask, buf) */
long sys_statx(uint32_t dirfd, uint32_t upath, uint32_t atflags,
	       uint32_t mask, uint32_t ubuf, uint32_t a6)
{
	if (mask & STATX__RESERVED)
		return -EINVAL;
	if (atflags & ~(uint32_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH |
				  AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((atflags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	struct inode *i;
	int err = lookup_at((int)dirfd, upath, atflags, &i);
	if (err)
		return err;
	err = fill_statx(i, (void *)ubuf);
	inode_put(i);
	return err;
}

/* Root may read and write anything, and execute what has an x bit (or
 * is a directory). */
static long access_at(int dirfd, uint32_t upath, uint32_t mode,
		      uint32_t atflags)
{
	if (mode & ~(uint32_t)(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (atflags & ~(uint32_t)(AT_SYMLINK_NOFOLLOW | AT_EACCESS |
				  AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *i;
	int err = lookup_at(dirfd, upath, atflags, &i);
	if (err)
		return err;
	if ((mode & X_OK) && !S_ISDIR(i->mode) && !(i->mode & 0111))
		err = -EACCES;
	inode_put(i);
	return err;
}

long sys_access(uint32_t upath, uint32_t mode, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return access_at(AT_FDCWD, upath, mode, 0);
}

long sys_faccessat(uint32_t dirfd, uint32_t upath, uint32_t mode,
		   uint32_t a4, uint32_t a5, uint32_t a6)
{
	return access_at((int)dirfd, upath, mode, 0);
}

long sys_faccessat2(uint32_t dirfd, uint32_t upath, uint32_t mode,
		    uint32_t atflags, uint32_t a5, uint32_t a6)
{
	return access_at((int)dirfd, upath, mode, atflags);
}

long sys_umask(uint32_t mask, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct proc *p = proc_current();
	uint32_t old = p->umask;
	p->umask = mask & 0777;
	return old;
}

static void set_mode(struct inode *i, uint32_t mode)
{
	i->mode = (i->mode & S_IFMT) | (mode & 07777);
	inode_touch(i, false, false, true);
}

long sys_chmod(uint32_t upath, uint32_t mode, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct inode *i;
	int err = lookup_at(AT_FDCWD, upath, 0, &i);
	if (err)
		return err;
	set_mode(i, mode);
	inode_put(i);
	return 0;
}

long sys_fchmod(uint32_t fd, uint32_t mode, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	if (f->inode)
		set_mode(f->inode, mode);
	file_put(f);
	return 0;
}

static long truncate_inode(struct inode *i, uint32_t lo, uint32_t hi)
{
	int64_t len = (int64_t)(((uint64_t)hi << 32) | lo);
	if (len < 0)
		return -EINVAL;
	if (S_ISDIR(i->mode))
		return -EISDIR;
	if (!S_ISREG(i->mode))
		return -EINVAL;
	if (len > 0xfffff000)
		return -EFBIG;
	if (i->writecount < 0)
		return -ETXTBSY;  /* a program being run */
	inode_truncate(i, (uint32_t)len);
	return 0;
}

/* truncate64(path, length): i386 passes the length in two registers. */
long sys_truncate64(uint32_t upath, uint32_t lo, uint32_t hi, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	struct inode *i;
	int err = lookup_at(AT_FDCWD, upath, 0, &i);
	if (err)
		return err;
	err = truncate_inode(i, lo, hi);
	inode_put(i);
	return err;
}

long sys_ftruncate64(uint32_t fd, uint32_t lo, uint32_t hi, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long err = -EINVAL;  /* not a regular file, or not open for writing */
	if (f->inode && S_ISREG(f->inode->mode) && file_writable(f))
		err = truncate_inode(f->inode, lo, hi);
	file_put(f);
	return err;
}

/* The data lives only in memory: there is nothing to flush, but fd must
 * name a file that supports it (not the console: EINVAL as on Linux). */
long sys_fsync(uint32_t fd, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long err = f->inode ? 0 : -EINVAL;
	file_put(f);
	return err;
}

/* sync and syncfs: every file lives in memory, so there is never anything
 * to write back; syncfs still wants an open descriptor. */
long sys_sync(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	return 0;
}

long sys_syncfs(uint32_t fd, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

/* ---- extended attributes ------------------------------------------------
 * pagoda's files have none, and its file system has no xattr handlers:
 * Linux's answers for such a file system (ramfs): the path and the name are
 * checked, then get and set say EOPNOTSUPP and list gives an empty list.
 * Programs that look for SELinux labels or ACLs (coreutils' ls -l) carry
 * on. */

#define XATTR_NAME_MAX 255

/* The attribute name at uname: ERANGE if empty or over 255 bytes. */
static int xattr_name(uint32_t uname)
{
	char name[XATTR_NAME_MAX + 1];
	long n = strncpy_from_user(name, (const char *)uname, sizeof(name));
	if (n == 0 || n == -ENAMETOOLONG)
		return -ERANGE;
	return n < 0 ? (int)n : 0;
}

/* The inode the call names (path, or fd when fd >= 0), held. */
static int xattr_inode(uint32_t upath, int fd, uint32_t atflags,
		       struct inode **out)
{
	if (fd < 0)
		return lookup_at(AT_FDCWD, upath, atflags, out);
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int err = f->inode ? 0 : -EOPNOTSUPP;  /* the console: no inode */
	if (!err)
		*out = inode_get(f->inode);
	file_put(f);
	return err;
}

static long getxattr_common(uint32_t upath, int fd, uint32_t atflags,
			    uint32_t uname)
{
	struct inode *i;
	int err = xattr_inode(upath, fd, atflags, &i);
	if (err)
		return err;
	inode_put(i);
	err = xattr_name(uname);
	return err ? err : -EOPNOTSUPP;
}

static long listxattr_common(uint32_t upath, int fd, uint32_t atflags)
{
	struct inode *i;
	int err = xattr_inode(upath, fd, atflags, &i);
	if (err)
		return err;
	inode_put(i);
	return 0;  /* no attributes: an empty list */
}

long sys_getxattr(uint32_t upath, uint32_t uname, uint32_t uvalue,
		  uint32_t size, uint32_t a5, uint32_t a6)
{
	return getxattr_common(upath, -1, 0, uname);
}

long sys_lgetxattr(uint32_t upath, uint32_t uname, uint32_t uvalue,
		   uint32_t size, uint32_t a5, uint32_t a6)
{
	return getxattr_common(upath, -1, AT_SYMLINK_NOFOLLOW, uname);
}

long sys_fgetxattr(uint32_t fd, uint32_t uname, uint32_t uvalue,
		   uint32_t size, uint32_t a5, uint32_t a6)
{
	return (int)fd < 0 ? -EBADF : getxattr_common(0, (int)fd, 0, uname);
}

long sys_listxattr(uint32_t upath, uint32_t ulist, uint32_t size,
		   uint32_t a4, uint32_t a5, uint32_t a6)
{
	return listxattr_common(upath, -1, 0);
}

long sys_llistxattr(uint32_t upath, uint32_t ulist, uint32_t size,
		    uint32_t a4, uint32_t a5, uint32_t a6)
{
	return listxattr_common(upath, -1, AT_SYMLINK_NOFOLLOW);
}

long sys_flistxattr(uint32_t fd, uint32_t ulist, uint32_t size, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return (int)fd < 0 ? -EBADF : listxattr_common(0, (int)fd, 0);
}
