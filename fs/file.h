/* fs/file.h: open files and descriptor tables. A struct file is one open
 * (its offset and status flags), shared by every descriptor that dup() or
 * fork() made from it; a descriptor table maps small integers to files
 * and is shared by the threads of a process (CLONE_FILES). Both carry a
 * reference count (get/put). */
#ifndef FS_FILE_H
#define FS_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/lock.h"
#include "kernel/uapi/fcntl.h"

struct file;
struct inode;
struct poll_table;
struct proc;
struct vm_file;

/* poll() readiness bits (Linux's values). */
#define POLLIN   0x001
#define POLLPRI  0x002
#define POLLOUT  0x004
#define POLLERR  0x008
#define POLLHUP  0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100

/* What a kind of file does. buf is a user address for read and write
 * (each op copies with mm/uaccess.h); *pos is the offset to use and
 * advance (the file's, or pread/pwrite's own). A NULL op means: read,
 * write -EINVAL; llseek -ESPIPE; ioctl -ENOTTY; poll: always ready. */
struct file_ops {
	long (*read)(struct file *f, void *buf, uint32_t n, uint64_t *pos);
	long (*write)(struct file *f, const void *buf, uint32_t n,
		      uint64_t *pos);
	/* New offset for (off, whence), or -errno; the caller stores it. */
	int64_t (*llseek)(struct file *f, int64_t off, int whence);
	long (*ioctl)(struct file *f, uint32_t cmd, uint32_t arg);
	/* POLL* bits ready now (the poll helper adds the wait queue). */
	unsigned (*poll)(struct file *f);
	/* The wait queues woken when poll's answer may change, given to
	 * poll_wait() (fs/poll.h); NULL: none (the answer never changes). */
	void (*poll_queues)(struct file *f, struct poll_table *pt);
	/* The last reference is gone: free what priv holds. */
	void (*release)(struct file *f);
};

struct file {
	uint32_t refs;          /* descriptors (in any table) and calls in
				   progress that hold it */
	uint32_t flags;         /* O_ACCMODE, O_APPEND, O_NONBLOCK, ... as
				   open() got them, O_CLOEXEC and the
				   creation flags removed */
	uint64_t pos;           /* the offset read/write/lseek use */
	struct inode *inode;    /* held; NULL for an inode-less file */
	const struct file_ops *ops;
	void *priv;             /* the ops' own state */
};

/* A new file with one reference, holding a reference on inode (may be
 * NULL). Returns NULL when out of memory. */
struct file *file_new(struct inode *inode, const struct file_ops *ops,
		      uint32_t flags, void *priv);

struct file *file_get(struct file *f);

/* Drop a reference; the last one calls ops->release and drops the inode. */
void file_put(struct file *f);

/* Opened for reading (O_RDONLY, O_RDWR) / for writing (O_WRONLY, O_RDWR):
 * read() and write() give EBADF otherwise, mmap EACCES. */
static inline bool file_readable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_RDONLY ||
	       (f->flags & O_ACCMODE) == O_RDWR;
}

static inline bool file_writable(const struct file *f)
{
	return (f->flags & O_ACCMODE) == O_WRONLY ||
	       (f->flags & O_ACCMODE) == O_RDWR;
}

/* The vm_file behind f for mmap (its page cache and size), or NULL if f
 * is not a regular file. Not a new reference: the file holds it. */
struct vm_file *file_vm_file(struct file *f);

#define FD_MAX 1024  /* RLIMIT_NOFILE: descriptors are 0..FD_MAX-1 */
#define FD_CHUNK 256 /* descriptors per chunk of the table */

/* Fields marked [L] are guarded by lock (a spinlock: never held while
 * allocating or while dropping a file's last reference). */
struct fdtable {
	struct spinlock lock;
	uint32_t refs;          /* [L] processes that use it (CLONE_FILES
				   shares one) */
	uint32_t limit;         /* RLIMIT_NOFILE's soft limit, <= FD_MAX */
	struct file **chunk[FD_MAX / FD_CHUNK];  /* [L] NULL until used */
	uint32_t cloexec[FD_MAX / 32];           /* [L] FD_CLOEXEC bits */
};

/* An empty table with one reference, or NULL. */
struct fdtable *fdtable_new(void);

/* A copy (fork): the same files, each one more reference, the same
 * close-on-exec bits. Returns NULL when out of memory. */
struct fdtable *fdtable_copy(struct fdtable *t);

struct fdtable *fdtable_get(struct fdtable *t);

/* Drop a reference; the last one closes every descriptor. */
void fdtable_put(struct fdtable *t);

/* The file at fd with a new reference, or NULL if fd is not open. */
struct file *fd_get(struct fdtable *t, int fd);

/* Put f (the caller's reference moves to the table) at the lowest free
 * descriptor >= min. Returns it, -EMFILE if none is below the limit, or
 * -ENOMEM. */
int fd_install(struct fdtable *t, int min, struct file *f, bool cloexec);

/* Put f at fd, closing what was there (dup2); the caller's reference
 * moves to the table. Returns fd, -EBADF (fd out of range) or -ENOMEM. */
int fd_install_at(struct fdtable *t, int fd, struct file *f, bool cloexec);

/* Close fd. Returns 0 or -EBADF. */
int fd_close(struct fdtable *t, int fd);

bool fd_cloexec(struct fdtable *t, int fd);
void fd_set_cloexec(struct fdtable *t, int fd, bool on);

/* Close every close-on-exec descriptor (execve's point of no return). */
void fdtable_close_on_exec(struct fdtable *t);

/* Open files now (tests check for leaks). */
uint32_t file_count(void);

#endif
