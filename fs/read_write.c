/* fs/read_write.c: the data calls on descriptors: read, write, readv,
 * writev, pread64, pwrite64, lseek, _llseek, ioctl. Each finds the open
 * file and hands the user buffer to its operations. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "kernel/preempt.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ioctls.h"
#include "mm/uaccess.h"

#define IOV_MAX 1024

static long file_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	if (!file_readable(f))
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->read(f, buf, n, pos);
}

static long file_write(struct file *f, const void *buf, uint32_t n,
		       uint64_t *pos)
{
	if (!file_writable(f))
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->write(f, buf, n, pos);
}

long sys_read(uint32_t fd, uint32_t buf, uint32_t n, uint32_t a4, uint32_t a5,
	      uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long r = file_read(f, (void *)buf, n, &f->pos);
	file_put(f);
	return r;
}

long sys_write(uint32_t fd, uint32_t buf, uint32_t n, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long r = file_write(f, (const void *)buf, n, &f->pos);
	file_put(f);
	return r;
}

/* pread64/pwrite64: i386 passes the 64-bit offset in two registers. */
static long do_prw(uint32_t fd, uint32_t buf, uint32_t n, uint32_t lo,
		   uint32_t hi, bool write)
{
	int64_t off = (int64_t)(((uint64_t)hi << 32) | lo);
	if (off < 0)
		return -EINVAL;
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long r;
	uint64_t pos = (uint64_t)off;
	if (!f->ops->llseek)
		r = -ESPIPE;
	else if (write)
		r = file_write(f, (const void *)buf, n, &pos);
	else
		r = file_read(f, (void *)buf, n, &pos);
	file_put(f);
	return r;
}

long sys_pread64(uint32_t fd, uint32_t buf, uint32_t n, uint32_t lo,
		 uint32_t hi, uint32_t a6)
{
	return do_prw(fd, buf, n, lo, hi, false);
}

long sys_pwrite64(uint32_t fd, uint32_t buf, uint32_t n, uint32_t lo,
		  uint32_t hi, uint32_t a6)
{
	return do_prw(fd, buf, n, lo, hi, true);
}

struct iovec32 {
	uint32_t base;
	uint32_t len;
};

/* Check the whole array first, as Linux does: -EINVAL (too many, or a
 * length above SSIZE_MAX) or -EFAULT (the array, or a buffer, not user
 * memory), before a byte moves. */
static long iov_check(uint32_t uiov, uint32_t cnt)
{
	if (cnt > IOV_MAX)
		return -EINVAL;
	struct iovec32 v[16];
	for (uint32_t i = 0; i < cnt; i += 16) {
		uint32_t k = cnt - i < 16 ? cnt - i : 16;
		if (copy_from_user(v, (void *)(uiov + i * sizeof(v[0])),
				   k * sizeof(v[0])))
			return -EFAULT;
		for (uint32_t j = 0; j < k; j++) {
			if (v[j].len > 0x7fffffffu)
				return -EINVAL;
			if (!user_range_ok((void *)v[j].base, v[j].len))
				return -EFAULT;
		}
	}
	return 0;
}

static long do_rwv(uint32_t fd, uint32_t uiov, uint32_t cnt, bool write)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long err = iov_check(uiov, cnt), total = 0;
	if (!err && !(write ? file_writable(f) : file_readable(f)))
		err = -EBADF;
	for (uint32_t i = 0; !err && i < cnt; i++) {
		struct iovec32 v;
		if (copy_from_user(&v, (void *)(uiov + i * sizeof(v)), sizeof(v))) {
			err = -EFAULT;
			break;
		}
		if (v.len > MAX_RW_COUNT - (uint32_t)total)
			v.len = MAX_RW_COUNT - (uint32_t)total;
		long r = write ? file_write(f, (const void *)v.base, v.len, &f->pos)
			       : file_read(f, (void *)v.base, v.len, &f->pos);
		if (r < 0) {
			err = r;
			break;
		}
		total += r;
		if ((uint32_t)r < v.len || total == MAX_RW_COUNT)
			break;
		cond_resched();  /* many short pieces make a long call too */
	}
	file_put(f);
	return total ? total : err;
}

long sys_readv(uint32_t fd, uint32_t uiov, uint32_t cnt, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	return do_rwv(fd, uiov, cnt, false);
}

long sys_writev(uint32_t fd, uint32_t uiov, uint32_t cnt, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return do_rwv(fd, uiov, cnt, true);
}

/* The new offset for lseek and _llseek. */
static int64_t do_seek(struct file *f, int64_t off, uint32_t whence)
{
	if (!f->ops->llseek)
		return -ESPIPE;
	if (whence > SEEK_END)
		return -EINVAL;
	int64_t r = f->ops->llseek(f, off, (int)whence);
	if (r >= 0)
		f->pos = (uint64_t)r;
	return r;
}

long sys_lseek(uint32_t fd, uint32_t off, uint32_t whence, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	int64_t r = do_seek(f, (int32_t)off, whence);
	if (r > 0x7fffffff)
		r = -EOVERFLOW;  /* Linux has moved the offset all the same */
	file_put(f);
	return (long)r;
}

/* _llseek(fd, offset_high, offset_low, result, whence) */
long sys_llseek(uint32_t fd, uint32_t hi, uint32_t lo, uint32_t uresult,
		uint32_t whence, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	int64_t r = do_seek(f, (int64_t)(((uint64_t)hi << 32) | lo), whence);
	file_put(f);
	if (r < 0)
		return (long)r;
	return copy_to_user((void *)uresult, &r, sizeof(r));
}

long sys_ioctl(uint32_t fd, uint32_t cmd, uint32_t arg, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	struct file *f = fget((int)fd);
	if (!f)
		return -EBADF;
	long r;
	if (cmd == FIONBIO) {
		int on;
		r = copy_from_user(&on, (void *)arg, sizeof(on));
		if (!r && on)
			f->flags |= O_NONBLOCK;
		else if (!r)
			f->flags &= ~(uint32_t)O_NONBLOCK;
	} else {
		r = f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
	}
	file_put(f);
	return r;
}
