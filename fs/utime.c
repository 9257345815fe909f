/* fs/utime.c: setting a file's access and modification times: utime,
 * utimes, futimesat, utimensat and utimensat_time64, which `touch` and
 * `cp -p` use. They all come down to two requests, one per time: "now",
 * "leave it" (UTIME_OMIT) or a given time; the inode's ctime becomes now
 * whenever something changed, as on Linux. One root user: no permission
 * check fails (fs/stat.c). pagoda keeps seconds as an unsigned 32-bit
 * count, so a given time is clamped to 1970..2106, as Linux clamps to
 * what a filesystem can store. */
#include "fs/syscalls.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/stat.h"
#include "kernel/uapi/time.h"
#include "mm/uaccess.h"

/* One of the two requests: nsec is UTIME_NOW, UTIME_OMIT or 0..999999999. */
struct time_req {
	int64_t sec;
	int32_t nsec;
};

static bool req_valid(struct time_req r)
{
	return r.nsec == UTIME_NOW || r.nsec == UTIME_OMIT ||
	       (r.nsec >= 0 && r.nsec <= 999999999);
}

static void apply(struct fs_time *t, struct time_req r, struct fs_time now)
{
	if (r.nsec == UTIME_OMIT)
		return;
	if (r.nsec == UTIME_NOW) {
		*t = now;
		return;
	}
	int64_t sec = r.sec < 0 ? 0 : r.sec > UINT32_MAX ? UINT32_MAX : r.sec;
	*t = (struct fs_time){ (uint32_t)sec, (uint32_t)r.nsec };
}

/* Set i's atime and mtime as req[0] and req[1] ask (NULL: both now). */
static void set_times(struct inode *i, const struct time_req *req)
{
	static const struct time_req now_req[2] = { { 0, UTIME_NOW },
						    { 0, UTIME_NOW } };
	if (!req)
		req = now_req;
	mutex_lock(&fs_tree_lock);
	struct fs_time now = fs_now();
	apply(&i->atime, req[0], now);
	apply(&i->mtime, req[1], now);
	i->ctime = now;
	mutex_unlock(&fs_tree_lock);
}

/* The common end of every call: req (NULL: now) for the file upath names
 * from dirfd, or for dirfd's own file when upath is NULL (utimensat's
 * futimens form). */
static long do_utimes(int dirfd, uint32_t upath, const struct time_req *req,
		      uint32_t flags)
{
	if (req && (!req_valid(req[0]) || !req_valid(req[1])))
		return -EINVAL;
	if (flags & ~(uint32_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *i;
	if (!upath && dirfd != AT_FDCWD) {
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		struct file *f = fget(dirfd);
		if (!f)
			return -EBADF;
		i = f->inode ? inode_get(f->inode) : NULL;
		file_put(f);
		if (!i)  /* a pipe: Linux's pipe inode would take the times,
			    which nothing here can read back (as fchown) */
			return 0;
	} else {
		int err = lookup_at(dirfd, upath, flags, &i);
		if (err)
			return err;
	}
	set_times(i, req);
	inode_put(i);
	return 0;
}

/* Two timespecs at ut, of the 32-bit or the 64-bit layout. */
static long utimensat_common(int dirfd, uint32_t upath, uint32_t ut,
			     uint32_t flags, bool time64)
{
	struct time_req req[2];
	if (ut) {
		if (time64) {
			struct timespec64 t[2];
			if (copy_from_user(t, (const void *)ut, sizeof(t)))
				return -EFAULT;
			for (int k = 0; k < 2; k++)  /* tv_nsec's low half */
				req[k] = (struct time_req){ t[k].tv_sec,
							    (int32_t)t[k].tv_nsec };
		} else {
			struct timespec32 t[2];
			if (copy_from_user(t, (const void *)ut, sizeof(t)))
				return -EFAULT;
			for (int k = 0; k < 2; k++)
				req[k] = (struct time_req){ t[k].tv_sec,
							    t[k].tv_nsec };
		}
		/* Nothing to do: Linux does not even look the path up. */
		if (req[0].nsec == UTIME_OMIT && req[1].nsec == UTIME_OMIT)
			return 0;
	}
	return do_utimes(dirfd, upath, ut ? req : NULL, flags);
}

long sys_utimensat(uint32_t dirfd, uint32_t upath, uint32_t ut,
		   uint32_t flags, uint32_t a5, uint32_t a6)
{
	return utimensat_common((int)dirfd, upath, ut, flags, false);
}

long sys_utimensat_time64(uint32_t dirfd, uint32_t upath, uint32_t ut,
			  uint32_t flags, uint32_t a5, uint32_t a6)
{
	return utimensat_common((int)dirfd, upath, ut, flags, true);
}

/* futimesat and utimes: two timevals (microseconds), NULL for now. A
 * path is required: utimes(NULL) is EFAULT, as Linux. */
static long utimes_common(int dirfd, uint32_t upath, uint32_t utv)
{
	if (!upath)
		return -EFAULT;
	if (!utv)
		return do_utimes(dirfd, upath, NULL, 0);
	struct timeval32 tv[2];
	if (copy_from_user(tv, (const void *)utv, sizeof(tv)))
		return -EFAULT;
	struct time_req req[2];
	for (int k = 0; k < 2; k++) {
		if (tv[k].tv_usec < 0 || tv[k].tv_usec >= 1000000)
			return -EINVAL;
		req[k] = (struct time_req){ tv[k].tv_sec, tv[k].tv_usec * 1000 };
	}
	return do_utimes(dirfd, upath, req, 0);
}

long sys_futimesat(uint32_t dirfd, uint32_t upath, uint32_t utv, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return utimes_common((int)dirfd, upath, utv);
}

long sys_utimes(uint32_t upath, uint32_t utv, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	return utimes_common(AT_FDCWD, upath, utv);
}

/* utime(path, buf): struct utimbuf { actime, modtime } in whole seconds. */
long sys_utime(uint32_t upath, uint32_t ubuf, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	if (!upath)
		return -EFAULT;
	if (!ubuf)
		return do_utimes(AT_FDCWD, upath, NULL, 0);
	int32_t t[2];
	if (copy_from_user(t, (const void *)ubuf, sizeof(t)))
		return -EFAULT;
	struct time_req req[2] = { { t[0], 0 }, { t[1], 0 } };
	return do_utimes(AT_FDCWD, upath, req, 0);
}
