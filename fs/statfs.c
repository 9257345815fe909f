/* fs/statfs.c: statfs, fstatfs, statfs64, fstatfs64: what filesystem a
 * file is on, and how full it is (docs/fs.md). pagoda has one tree, kept
 * in memory as Linux's tmpfs keeps files, with /proc made on demand
 * inside it, and pipes outside it; each answers with its Linux magic
 * number. The tree's files live in the machine's frames, so its size is
 * the memory's, its free blocks the free frames, and its free inodes as
 * many as the free direct-mapped frames' worth of heap could hold. */
#include "fs/syscalls.h"

#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/pipe.h"
#include "fs/procfs.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/statfs.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

/* What every filesystem here says alike, with its magic number; a
 * pseudo filesystem (/proc, pipes) leaves the counts at 0, as Linux's. */
static void fill_common(struct statfs64 *st, uint32_t magic)
{
	memset(st, 0, sizeof(*st));
	st->f_type = magic;
	st->f_bsize = st->f_frsize = PAGE_SIZE;
	st->f_namelen = NAME_MAX;
	st->f_flags = ST_VALID;  /* no mount options: read-write, suid */
}

/* The tree's answer, or /proc's, for inode i (NULL: an inode-less file,
 * the console, which Linux keeps on a tmpfs too). */
static void fill_kstatfs(const struct inode *i, struct statfs64 *st)
{
	mutex_lock(&fs_tree_lock);
	bool proc = i && procfs_holds(i);
	mutex_unlock(&fs_tree_lock);
	fill_common(st, proc ? PROC_SUPER_MAGIC : TMPFS_MAGIC);
	if (proc)
		return;
	st->f_blocks = pmm_total_count();
	st->f_bfree = st->f_bavail = pmm_free_count();
	st->f_ffree = (uint64_t)pmm_free_lowmem_count() *
		      kheap_slab_capacity(sizeof(struct inode));
	st->f_files = inode_count() + st->f_ffree;
	st->f_fsid[0] = FS_DEV;
}

static void fill_file(const struct file *f, struct statfs64 *st)
{
	if (pipe_is(f))
		fill_common(st, PIPEFS_MAGIC);
	else
		fill_kstatfs(f->inode, st);
}

/* The 32-bit form; -EOVERFLOW if a count does not fit, as Linux. */
static int put_statfs32(const struct statfs64 *s, uint32_t ubuf)
{
	if ((s->f_blocks | s->f_bfree | s->f_bavail | s->f_files |
	     s->f_ffree) >> 32)
		return -EOVERFLOW;
	struct statfs32 st = {
		s->f_type, s->f_bsize, (uint32_t)s->f_blocks,
		(uint32_t)s->f_bfree, (uint32_t)s->f_bavail,
		(uint32_t)s->f_files, (uint32_t)s->f_ffree,
		{ s->f_fsid[0], s->f_fsid[1] }, s->f_namelen, s->f_frsize,
		s->f_flags, { 0 }
	};
	return copy_to_user((void *)ubuf, &st, sizeof(st));
}

/* statfs(path, ...) follows a last symlink, as stat does. */
static int statfs_path(uint32_t upath, struct statfs64 *st)
{
	struct inode *i;
	int err = lookup_at(AT_FDCWD, upath, 0, &i);
	if (err)
		return err;
	fill_kstatfs(i, st);
	inode_put(i);
	return 0;
}

/* Any descriptor will do, O_PATH ones too. */
static int statfs_fd(uint32_t fd, struct statfs64 *st)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	fill_file(f, st);
	file_put(f);
	return 0;
}

long sys_statfs(uint32_t upath, uint32_t ubuf, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct statfs64 st;
	int err = statfs_path(upath, &st);
	return err ? err : put_statfs32(&st, ubuf);
}

long sys_fstatfs(uint32_t fd, uint32_t ubuf, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	struct statfs64 st;
	int err = statfs_fd(fd, &st);
	return err ? err : put_statfs32(&st, ubuf);
}

long sys_statfs64(uint32_t upath, uint32_t size, uint32_t ubuf, uint32_t a4,
		  uint32_t a5, uint32_t a6)
{
	if (size != sizeof(struct statfs64))
		return -EINVAL;  /* before the path is looked at, as Linux */
	struct statfs64 st;
	int err = statfs_path(upath, &st);
	return err ? err : copy_to_user((void *)ubuf, &st, sizeof(st));
}

long sys_fstatfs64(uint32_t fd, uint32_t size, uint32_t ubuf, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	if (size != sizeof(struct statfs64))
		return -EINVAL;
	struct statfs64 st;
	int err = statfs_fd(fd, &st);
	return err ? err : copy_to_user((void *)ubuf, &st, sizeof(st));
}
