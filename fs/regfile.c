/* fs/regfile.c: read and write on regular files, straight between the
 * page cache and user memory: the frames read() copies from are the ones
 * exec and mmap map. */
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "kernel/preempt.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ioctls.h"
#include "mm/kmap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

#define FILE_SIZE_MAX 0xfffff000u  /* a page index must fit 32 bits */

static long reg_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	struct inode *i = f->inode;
	if (*pos >= i->vmf.size)
		return 0;
	uint32_t off = (uint32_t)*pos;
	if (n > i->vmf.size - off)
		n = i->vmf.size - off;
	uint32_t done = 0;
	while (done < n) {
		uint32_t at = off + done, in = at % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
		paddr_t frame = pagecache_get(&i->vmf, at / PAGE_SIZE);
		if (!frame)
			return done ? (long)done : -ENOMEM;
		uint8_t *p = kmap(frame);
		int err = copy_to_user((uint8_t *)buf + done, p + in, k);
		kunmap(p);
		pmm_free_frame(frame);
		if (err)
			return done ? (long)done : -EFAULT;
		done += k;
		cond_resched();  /* no lock held here */
	}
	*pos = off + done;
	inode_touch(i, true, false, false);
	return done;
}

/* Copy k bytes from user buf into page at/PAGE_SIZE of i; the file grows
 * to cover them. Returns 0, -EFAULT or -ENOSPC (no memory for the page). */
static int write_page(struct inode *i, uint32_t at, const uint8_t *buf,
		      uint32_t k)
{
	uint32_t old = i->vmf.size;
	if (at + k > old)
		i->vmf.size = at + k;
	paddr_t frame = pagecache_get_dirty(&i->vmf, at / PAGE_SIZE);
	int err = frame ? 0 : -ENOSPC;
	if (frame) {
		uint8_t *p = kmap(frame);
		err = copy_from_user(p + at % PAGE_SIZE, buf, k);
		kunmap(p);
		pmm_free_frame(frame);
	}
	if (err && i->vmf.size != old)
		pagecache_truncate(&i->vmf, old);  /* give the page back */
	return err;
}

static long reg_write(struct file *f, const void *buf, uint32_t n,
		      uint64_t *pos)
{
	struct inode *i = f->inode;
	if (f->flags & O_APPEND)
		*pos = i->vmf.size;
	if (*pos >= FILE_SIZE_MAX)
		return n ? -EFBIG : 0;
	uint32_t off = (uint32_t)*pos;
	if (n > FILE_SIZE_MAX - off)
		n = FILE_SIZE_MAX - off;
	uint32_t done = 0;
	while (done < n) {
		uint32_t at = off + done, in = at % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in < n - done ? PAGE_SIZE - in : n - done;
		int err = write_page(i, at, (const uint8_t *)buf + done, k);
		if (err) {
			if (!done)
				return err;
			break;
		}
		done += k;
		cond_resched();
	}
	*pos = off + done;
	inode_touch(i, false, true, true);
	return done;
}

static int64_t reg_llseek(struct file *f, int64_t off, int whence)
{
	int64_t base = whence == SEEK_SET ? 0
		     : whence == SEEK_CUR ? (int64_t)f->pos
		     : whence == SEEK_END ? (int64_t)f->inode->vmf.size : -1;
	if (base < 0)
		return -EINVAL;
	if (off > 0 && base > INT64_MAX - off)
		return -EOVERFLOW;
	return base + off < 0 ? -EINVAL : base + off;
}

static long reg_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	if (cmd != FIONREAD)  /* bytes from the offset to the end */
		return -ENOTTY;
	uint32_t size = f->inode->vmf.size;
	int n = f->pos < size ? (int)(size - f->pos) : 0;
	return copy_to_user((void *)arg, &n, sizeof(n));
}

static unsigned reg_poll(struct file *f)
{
	return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}

const struct file_ops regfile_ops = {
	.read = reg_read, .write = reg_write, .llseek = reg_llseek,
	.ioctl = reg_ioctl, .poll = reg_poll,
};
