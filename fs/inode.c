/* fs/inode.c: inodes and directories of the in-memory tree, and the data
 * of regular files through the page cache. */
#include "fs/inode.h"

#include "fs/fs_internal.h"

#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/kmap.h"
#include "mm/pmm.h"

struct mutex fs_tree_lock = MUTEX_INIT("fs tree");
struct inode *fs_root;
static uint32_t next_ino = 1;
static uint32_t live_inodes;

static void inode_free(struct inode *i)
{
	KASSERT(i != fs_root && !i->entries);
	struct inode *up = S_ISDIR(i->mode) ? i->parent : NULL;  /* a removed
		directory's hold on its old parent (dir_unlink) */
	pagecache_evict(&i->vmf);
	kfree(i->path_copy);
	kfree(i);
	live_inodes--;
	inode_put(up);
}

/* The last reference went: free the inode if no name links it either. */
static void inode_release(struct vm_file *f)
{
	struct inode *i = inode_of(f);
	if (i->nlink == 0)
		inode_free(i);
}

/* A write fault in a shared mapping of i: as write() does, move mtime and
 * ctime (Linux does this on every write fault of a file without its own
 * page_mkwrite, such as tmpfs). */
static void inode_written(struct vm_file *f)
{
	inode_touch(inode_of(f), false, true, true);
}

/* Now, CLOCK_REALTIME, as a file time. */
struct fs_time fs_now(void)
{
	int64_t ns = time_realtime_ns();
	if (ns < 0)
		ns = 0;
	return (struct fs_time){ (uint32_t)(ns / NSEC_PER_SEC),
				 (uint32_t)(ns % NSEC_PER_SEC) };
}

static bool fs_time_le(struct fs_time a, struct fs_time b)
{
	return a.sec < b.sec || (a.sec == b.sec && a.nsec <= b.nsec);
}

struct inode *inode_new(uint32_t mode, const char *path)
{
	struct inode *i = kzalloc(sizeof(*i));
	if (!i)
		return NULL;
	if (path) {
		size_t n = strnlen(path, NAME_MAX);
		i->path_copy = kmalloc(n + 1);
		if (!i->path_copy) {
			kfree(i);
			return NULL;
		}
		memcpy(i->path_copy, path, n);
		i->path_copy[n] = '\0';
	}
	i->vmf.path = i->path_copy ? i->path_copy : "";
	i->vmf.refs = 1;
	i->vmf.release = inode_release;
	i->vmf.written = inode_written;
	i->ino = next_ino++;
	i->vmf.dev = FS_DEV;
	i->vmf.ino = i->ino;
	i->mode = mode;
	i->atime = i->mtime = i->ctime = fs_now();
	live_inodes++;
	return i;
}

uint32_t inode_count(void)
{
	return live_inodes;
}

struct inode *dir_find(struct inode *dir, const char *name, uint32_t len)
{
	if (dir->hooks && dir->hooks->refresh)  /* /proc: made on demand */
		dir->hooks->refresh(dir, name, len);
	for (struct dentry *d = dir->entries; d; d = d->next)
		if (d->len == len && memcmp(d->name, name, len) == 0)
			return d->inode;
	return NULL;
}

void inode_touch(struct inode *i, bool access, bool modify, bool change)
{
	struct fs_time now = fs_now();
	/* relatime, Linux's default: atime moves only if it is not newer
	 * than mtime or ctime, or a day old (a read after a write is seen,
	 * without a write to the inode on every read). */
	if (access && (fs_time_le(i->atime, i->mtime) || fs_time_le(i->atime, i->ctime) ||
		       now.sec - i->atime.sec >= 24 * 60 * 60))
		i->atime = now;
	if (modify)
		i->mtime = now;
	if (change)
		i->ctime = now;
}

static struct dentry *dentry_new(const char *name, uint32_t len,
				 struct inode *i)
{
	struct dentry *d = kmalloc(sizeof(*d) + len + 1);
	if (!d)
		return NULL;
	d->next = NULL;
	d->inode = i;
	d->len = (uint16_t)len;
	memcpy(d->name, name, len);
	d->name[len] = '\0';
	return d;
}

static void dentry_append(struct inode *dir, struct dentry *d)
{
	d->cookie = ++dir->next_cookie;
	struct dentry **pp = &dir->entries;
	while (*pp)
		pp = &(*pp)->next;
	*pp = d;
}

/* Unhook entry name from dir and return it (it must exist). */
static struct dentry *dentry_take(struct inode *dir, const char *name,
				  uint32_t len)
{
	struct dentry **pp = &dir->entries;
	while (*pp && !((*pp)->len == len && memcmp((*pp)->name, name, len) == 0))
		pp = &(*pp)->next;
	KASSERT(*pp);
	struct dentry *d = *pp;
	*pp = d->next;
	return d;
}

int dir_link(struct inode *dir, const char *name, uint32_t len, struct inode *i)
{
	struct dentry *d = dentry_new(name, len, i);
	if (!d)
		return -ENOMEM;
	dentry_append(dir, d);
	if (i->nlink)  /* link(): a change; a new file keeps its birth times */
		inode_touch(i, false, false, true);
	if (S_ISDIR(i->mode)) {
		i->parent = dir;
		i->nlink = 2;
		dir->nlink++;
	} else {
		i->nlink++;
	}
	inode_touch(dir, false, true, true);
	return 0;
}

void dir_unlink(struct inode *dir, const char *name, uint32_t len)
{
	struct dentry *d = dentry_take(dir, name, len);
	struct inode *i = d->inode;
	kfree(d);
	if (S_ISDIR(i->mode)) {
		i->nlink = 0;
		dir->nlink--;
		/* Still held (a working directory, an open descriptor): it keeps
		 * its parent for "..", and a reference on it, dropped when it is
		 * freed. Not held: it is freed below. */
		i->parent = i->vmf.refs ? inode_get(dir) : NULL;
	} else {
		i->nlink--;
	}
	inode_touch(dir, false, true, true);
	inode_touch(i, false, false, true);
	if (i->nlink == 0 && i->vmf.refs == 0)
		inode_free(i);
}

int dir_rename(struct inode *odir, const char *oname, uint32_t olen,
	       struct inode *ndir, const char *nname, uint32_t nlen)
{
	struct inode *i = dir_find(odir, oname, olen);
	struct dentry *nd = dentry_new(nname, nlen, i);
	if (!nd)
		return -ENOMEM;
	if (dir_find(ndir, nname, nlen))
		dir_unlink(ndir, nname, nlen);
	kfree(dentry_take(odir, oname, olen));
	dentry_append(ndir, nd);
	if (S_ISDIR(i->mode)) {
		odir->nlink--;
		ndir->nlink++;
		i->parent = ndir;
	}
	inode_touch(odir, false, true, true);
	inode_touch(ndir, false, true, true);
	inode_touch(i, false, false, true);
	return 0;
}

bool dir_empty(const struct inode *dir)
{
	return dir->entries == NULL;
}

bool dir_is_under(const struct inode *dir, const struct inode *anc)
{
	for (; dir; dir = dir->parent == dir ? NULL : dir->parent)
		if (dir == anc)
			return true;
	return false;
}

int inode_deny_write(struct inode *i)
{
	if (i->writecount > 0)
		return -ETXTBSY;
	i->writecount--;
	return 0;
}

void inode_allow_write(struct inode *i)
{
	i->writecount++;
}

void inode_truncate(struct inode *i, uint32_t size)
{
	pagecache_truncate(&i->vmf, size);
	inode_touch(i, false, true, true);
}

long inode_read_kernel(struct inode *i, uint32_t off, void *buf, uint32_t n)
{
	if (off >= i->vmf.size)
		return 0;
	if (n > i->vmf.size - off)
		n = i->vmf.size - off;
	uint32_t done = 0;
	while (done < n) {
		uint32_t pos = off + done, in = pos % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
		paddr_t frame = pagecache_get(&i->vmf, pos / PAGE_SIZE);
		if (!frame)
			return done ? (long)done : -ENOMEM;
		uint8_t *p = kmap(frame);
		memcpy((uint8_t *)buf + done, p + in, k);
		kunmap(p);
		pmm_free_frame(frame);
		done += k;
	}
	return done;
}

long inode_write_kernel(struct inode *i, uint32_t off, const void *buf,
			uint32_t n)
{
	uint32_t old = i->vmf.size;
	if (off + n < off)
		return -EFBIG;
	if (off + n > old)
		i->vmf.size = off + n;
	for (uint32_t done = 0; done < n;) {
		uint32_t pos = off + done, in = pos % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
		paddr_t frame = pagecache_get_dirty(&i->vmf, pos / PAGE_SIZE);
		if (!frame) {
			if (i->vmf.size != old)
				pagecache_truncate(&i->vmf, old);
			return -ENOSPC;
		}
		uint8_t *p = kmap(frame);
		memcpy(p + in, (const uint8_t *)buf + done, k);
		kunmap(p);
		pmm_free_frame(frame);
		done += k;
	}
	inode_touch(i, false, true, true);
	return n;
}
