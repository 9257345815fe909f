/* fs/pipe.c: pipes (fs/pipe.h, docs/pipes.md). A pipe is a ring of
 * PIPE_PAGES pages (64 KiB, Linux's default capacity), each allocated when
 * a write first reaches it and given back when the pipe drains. Two open
 * files share it: the read end and the write end. Readers sleep on
 * rd_wait for bytes (or the last writer's close: end of file), writers on
 * wr_wait for room (or the last reader's close: EPIPE and SIGPIPE).
 *
 * Locks: `lock` (a spinlock) guards head, len, readers, writers and the
 * two queues; `io` (a mutex) is held by the one thread moving bytes in or
 * out, across its user copy, and dropped while it sleeps, so that a
 * write of at most PIPE_BUF bytes lands in one piece and a read consumes
 * only what it copied. Order: io, then lock. */
#include "fs/pipe.h"

#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/poll.h"
#include "kernel/lock.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/ioctls.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

struct pipe {
	struct spinlock lock;
	struct mutex io;
	struct waitq rd_wait;        /* readers: bytes, or no writer left */
	struct waitq wr_wait;        /* writers: room, or no reader left */
	paddr_t page[PIPE_PAGES];    /* lowmem frames, 0 until used [io] */
	uint32_t head;               /* ring offset of the first unread byte */
	uint32_t len;                /* unread bytes, <= PIPE_SIZE */
	uint32_t readers, writers;   /* open files of each end */
};

static uint32_t live_pipes;

uint32_t pipe_count(void)
{
	return live_pipes;
}

/* The single place a write to a pipe without readers raises SIGPIPE for
 * the writing thread, as Linux's send_sig(SIGPIPE, current, 0); the write
 * returns EPIPE as well (seen if SIGPIPE is caught or ignored). */
static void pipe_raise_sigpipe(void)
{
	struct thread *t = thread_current();
	if (t->proc)  /* not a kernel thread (the tests) */
		signal_send_thread(t, SIGPIPE, NULL);
}

/* Give back every page but the first (the pipe is empty, io held). */
static void pipe_trim(struct pipe *p)
{
	for (int i = 1; i < PIPE_PAGES; i++) {
		if (p->page[i]) {
			pmm_free_frame(p->page[i]);
			p->page[i] = 0;
		}
	}
}

/* Sleep on wq with io and lock dropped; return with both held again, or
 * -ERESTARTSYS (a signal: the call ends or restarts, per SA_RESTART) with
 * neither held. */
static int pipe_wait(struct pipe *p, struct waitq *wq)
{
	mutex_unlock(&p->io);
	int r = waitq_sleep(wq, &p->lock, 0, WAIT_INTERRUPTIBLE);
	spin_unlock(&p->lock);
	if (r)
		return -ERESTARTSYS;
	mutex_lock(&p->io);
	spin_lock(&p->lock);
	return 0;
}

/* Copy up to n bytes from the ring's front to user buf, then consume them
 * (a fault consumes nothing). io and lock held; lock is dropped around
 * each copy. Returns bytes moved or -EFAULT. */
static long pipe_take(struct pipe *p, char *buf, uint32_t n)
{
	uint32_t done = 0;
	while (done < n && p->len) {
		uint32_t at = p->head, in = at % PAGE_SIZE;
		uint32_t k = PAGE_SIZE - in;
		if (k > p->len)
			k = p->len;
		if (k > n - done)
			k = n - done;
		char *src = (char *)P2V(p->page[at / PAGE_SIZE]) + in;
		spin_unlock(&p->lock);
		int err = copy_to_user(buf + done, src, k);
		spin_lock(&p->lock);
		if (err)
			return done ? (long)done : -EFAULT;
		p->head = (p->head + k) % PIPE_SIZE;
		p->len -= k;
		done += k;
	}
	if (!p->len) {
		p->head = 0;  /* the next bytes start on page 0 again */
		pipe_trim(p);
	}
	return done;
}

static long pipe_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	struct pipe *p = f->priv;
	if (n == 0)
		return 0;
	long r = 0;
	mutex_lock(&p->io);
	spin_lock(&p->lock);
	while (!p->len) {
		if (!p->writers)
			goto out;  /* end of file */
		if (f->flags & O_NONBLOCK) {
			r = -EAGAIN;
			goto out;
		}
		if ((r = pipe_wait(p, &p->rd_wait)))
			return r;
	}
	r = pipe_take(p, buf, n);
	if (r > 0)
		waitq_wake_all(&p->wr_wait);
out:
	spin_unlock(&p->lock);
	mutex_unlock(&p->io);
	return r;
}

/* Copy k bytes from user buf to the ring's end, making the page if need
 * be; then they count as written. io and lock held (lock dropped around
 * the copy). Returns 0, -ENOMEM or -EFAULT. */
static int pipe_put(struct pipe *p, const char *buf, uint32_t k)
{
	uint32_t at = (p->head + p->len) % PIPE_SIZE;
	paddr_t *page = &p->page[at / PAGE_SIZE];
	spin_unlock(&p->lock);
	int err = 0;
	if (!*page && !(*page = pmm_alloc_frame(PMM_LOWMEM)))
		err = -ENOMEM;
	if (!err)
		err = copy_from_user((char *)P2V(*page) + at % PAGE_SIZE, buf, k);
	spin_lock(&p->lock);
	if (!err)
		p->len += k;
	return err;
}

static long pipe_write(struct file *f, const void *ubuf, uint32_t n,
		       uint64_t *pos)
{
	struct pipe *p = f->priv;
	const char *buf = ubuf;
	uint32_t done = 0;
	long err = 0;
	if (n == 0)
		return 0;
	mutex_lock(&p->io);
	spin_lock(&p->lock);
	while (done < n) {
		if (!p->readers) {
			pipe_raise_sigpipe();
			err = -EPIPE;
			break;
		}
		uint32_t room = PIPE_SIZE - p->len, want = n - done;
		/* up to PIPE_BUF bytes go in one piece: wait for room for all */
		if (room == 0 || (n <= PIPE_BUF && room < want)) {
			if (f->flags & O_NONBLOCK) {
				err = -EAGAIN;
				break;
			}
			if ((err = pipe_wait(p, &p->wr_wait)))
				return done ? (long)done : err;
			continue;
		}
		uint32_t at = (p->head + p->len) % PIPE_SIZE;
		uint32_t k = PAGE_SIZE - at % PAGE_SIZE;
		if (k > room)
			k = room;
		if (k > want)
			k = want;
		if ((err = pipe_put(p, buf + done, k)))
			break;
		done += k;
		waitq_wake_all(&p->rd_wait);
	}
	spin_unlock(&p->lock);
	mutex_unlock(&p->io);
	return done ? (long)done : err;
}

static unsigned pipe_poll(struct file *f)
{
	struct pipe *p = f->priv;
	unsigned mask = 0;
	spin_lock(&p->lock);
	if (file_readable(f)) {
		if (p->len)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers)
			mask |= POLLHUP;
	}
	if (file_writable(f)) {
		if (PIPE_SIZE - p->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	spin_unlock(&p->lock);
	return mask;
}

static void pipe_poll_queues(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->priv;
	poll_wait(pt, file_readable(f) ? &p->rd_wait : &p->wr_wait);
}

static long pipe_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	struct pipe *p = f->priv;
	if (cmd != FIONREAD)
		return -ENOTTY;
	spin_lock(&p->lock);
	int n = (int)p->len;
	spin_unlock(&p->lock);
	return copy_to_user((void *)arg, &n, sizeof(n));
}

static void pipe_free(struct pipe *p)
{
	for (int i = 0; i < PIPE_PAGES; i++)
		if (p->page[i])
			pmm_free_frame(p->page[i]);
	kfree(p);
	live_pipes--;
}

/* One end closed for good: the other end's sleepers learn of it. */
static void pipe_release(struct file *f)
{
	struct pipe *p = f->priv;
	spin_lock(&p->lock);
	if (file_readable(f) && !--p->readers)
		waitq_wake_all(&p->wr_wait);
	if (file_writable(f) && !--p->writers)
		waitq_wake_all(&p->rd_wait);
	bool last = !p->readers && !p->writers;
	spin_unlock(&p->lock);
	if (last) {
		f->inode->nlink = 0;  /* file_put's inode_put frees it */
		pipe_free(p);
	}
}

static const struct file_ops pipe_ops = {
	.read = pipe_read, .write = pipe_write, .ioctl = pipe_ioctl,
	.poll = pipe_poll, .poll_queues = pipe_poll_queues,
	.release = pipe_release,
};

int pipe_create(uint32_t flags, struct file **rd, struct file **wr)
{
	struct pipe *p = kzalloc(sizeof(*p));
	struct inode *i = inode_new(S_IFIFO | 0600, NULL);
	if (!p || !i) {
		kfree(p);
		inode_put(i);
		return -ENOMEM;
	}
	p->lock = (struct spinlock)SPINLOCK_INIT("pipe");
	p->io = (struct mutex)MUTEX_INIT("pipe io");
	live_pipes++;
	i->nlink = 1;  /* while it is open, as Linux's pipefs shows it */
	*rd = file_new(i, &pipe_ops, O_RDONLY | (flags & O_NONBLOCK), p);
	if (!*rd) {
		i->nlink = 0;
		pipe_free(p);
		inode_put(i);
		return -ENOMEM;
	}
	p->readers = 1;
	*wr = file_new(i, &pipe_ops, O_WRONLY | (flags & O_NONBLOCK), p);
	if (*wr)
		p->writers = 1;
	else
		file_put(*rd);  /* the last end: frees the pipe, unlinks i */
	inode_put(i);
	return *wr ? 0 : -ENOMEM;
}

/* pipe2(fds, flags): the read end at fds[0], the write end at fds[1]. If
 * fds cannot be written, no descriptor stays open. */
long sys_pipe2(uint32_t ufds, uint32_t flags, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	if (flags & ~(uint32_t)(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	struct fdtable *t = cur_files();
	struct file *rd, *wr;
	int err = pipe_create(flags, &rd, &wr);
	if (err)
		return err;
	int fds[2];
	fds[0] = fd_install(t, 0, rd, flags & O_CLOEXEC);
	if (fds[0] < 0) {
		file_put(rd);
		file_put(wr);
		return fds[0];
	}
	fds[1] = fd_install(t, 0, wr, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		fd_close(t, fds[0]);
		file_put(wr);
		return fds[1];
	}
	if (copy_to_user((void *)ufds, fds, sizeof(fds))) {
		fd_close(t, fds[0]);
		fd_close(t, fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(uint32_t ufds, uint32_t a2, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	return sys_pipe2(ufds, 0, 0, 0, 0, 0);
}

bool pipe_is(const struct file *f)
{
	return f->ops == &pipe_ops;
}
