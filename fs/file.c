/* fs/file.c: open files and descriptor tables (fs/file.h). */
#include "fs/file.h"

#include "fs/inode.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"

static uint32_t live_files;

struct file *file_new(struct inode *inode, const struct file_ops *ops,
		      uint32_t flags, void *priv)
{
	struct file *f = kzalloc(sizeof(*f));
	if (!f)
		return NULL;
	f->refs = 1;
	f->flags = flags;
	f->inode = inode_get(inode);
	f->ops = ops;
	f->priv = priv;
	live_files++;
	return f;
}

struct file *file_get(struct file *f)
{
	if (f)
		f->refs++;
	return f;
}

void file_put(struct file *f)
{
	if (!f || --f->refs)
		return;
	if (f->ops->release)
		f->ops->release(f);
	if (f->inode && S_ISREG(f->inode->mode) && file_writable(f))
		f->inode->writecount--;  /* file_open counted it */
	inode_put(f->inode);
	kfree(f);
	live_files--;
}

uint32_t file_count(void)
{
	return live_files;
}

struct vm_file *file_vm_file(struct file *f)
{
	return f->inode && S_ISREG(f->inode->mode) ? &f->inode->vmf : NULL;
}

struct fdtable *fdtable_new(void)
{
	struct fdtable *t = kzalloc(sizeof(*t));
	if (t) {
		t->lock = (struct spinlock)SPINLOCK_INIT("fdtable");
		t->refs = 1;
		t->limit = FD_MAX;
	}
	return t;
}

struct fdtable *fdtable_get(struct fdtable *t)
{
	if (t) {
		spin_lock(&t->lock);
		t->refs++;
		spin_unlock(&t->lock);
	}
	return t;
}

/* The slot of fd, or NULL if its chunk does not exist. t->lock held. */
static struct file **slot(struct fdtable *t, int fd)
{
	struct file **c = t->chunk[fd / FD_CHUNK];
	return c ? &c[fd % FD_CHUNK] : NULL;
}

static void set_cloexec(struct fdtable *t, int fd, bool on)
{
	if (on)
		t->cloexec[fd / 32] |= 1u << (fd % 32);
	else
		t->cloexec[fd / 32] &= ~(1u << (fd % 32));
}

/* Take fd's file out of the table (the caller puts it). t->lock held. */
static struct file *take(struct fdtable *t, int fd)
{
	struct file **s = slot(t, fd);
	struct file *f = s ? *s : NULL;
	if (f)
		*s = NULL;
	set_cloexec(t, fd, false);
	return f;
}

void fdtable_put(struct fdtable *t)
{
	if (!t)
		return;
	spin_lock(&t->lock);
	bool last = --t->refs == 0;
	spin_unlock(&t->lock);
	if (!last)
		return;
	/* No one else can see t now: no lock needed to empty it. */
	for (int i = 0; i < FD_MAX / FD_CHUNK; i++) {
		if (!t->chunk[i])
			continue;
		struct file **f = t->chunk[i];
		for (size_t j = 0; j < FD_CHUNK; j++) {
			if (!f[j])  /* only the used slots */
				j += words_first_nonzero(f + j, FD_CHUNK - j);
			if (j == FD_CHUNK)
				break;
			file_put(f[j]);
		}
		kfree(t->chunk[i]);
	}
	kfree(t);
}

struct fdtable *fdtable_copy(struct fdtable *t)
{
	struct fdtable *c = fdtable_new();
	if (!c)
		return NULL;
	/* Chunks first, outside the lock (allocating may reclaim). */
	for (int i = 0; i < FD_MAX / FD_CHUNK; i++) {
		if (t->chunk[i] &&
		    !(c->chunk[i] = kzalloc(FD_CHUNK * sizeof(struct file *)))) {
			fdtable_put(c);
			return NULL;
		}
	}
	spin_lock(&t->lock);
	c->limit = t->limit;
	memcpy(c->cloexec, t->cloexec, sizeof(c->cloexec));
	for (int i = 0; i < FD_MAX / FD_CHUNK; i++) {
		if (!t->chunk[i] || !c->chunk[i])
			continue;  /* a chunk made meanwhile: its fds came later */
		struct file **f = t->chunk[i];  /* c's chunk is zeroed */
		for (size_t j = 0; j < FD_CHUNK; j++) {
			if (!f[j])  /* only the used slots */
				j += words_first_nonzero(f + j, FD_CHUNK - j);
			if (j == FD_CHUNK)
				break;
			c->chunk[i][j] = file_get(f[j]);
		}
	}
	spin_unlock(&t->lock);
	return c;
}

struct file *fd_get(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	spin_lock(&t->lock);
	struct file **s = slot(t, fd);
	struct file *f = s ? file_get(*s) : NULL;
	spin_unlock(&t->lock);
	return f;
}

/* Make sure the chunk of fd exists. Returns false when out of memory. */
static bool chunk_make(struct fdtable *t, int fd)
{
	struct file **fresh = kzalloc(FD_CHUNK * sizeof(struct file *));
	if (!fresh)
		return false;
	spin_lock(&t->lock);
	if (!t->chunk[fd / FD_CHUNK]) {
		t->chunk[fd / FD_CHUNK] = fresh;
		fresh = NULL;
	}
	spin_unlock(&t->lock);
	kfree(fresh);  /* another thread made it first */
	return true;
}

void fd_set_cloexec(struct fdtable *t, int fd, bool on)
{
	spin_lock(&t->lock);
	set_cloexec(t, fd, on);
	spin_unlock(&t->lock);
}

bool fd_cloexec(struct fdtable *t, int fd)
{
	spin_lock(&t->lock);
	bool on = t->cloexec[fd / 32] & (1u << (fd % 32));
	spin_unlock(&t->lock);
	return on;
}

int fd_install(struct fdtable *t, int min, struct file *f, bool cloexec)
{
	if (min < 0)
		return -EINVAL;
	for (;;) {
		spin_lock(&t->lock);
		int fd = min;
		struct file **s = NULL;
		for (; fd < (int)t->limit; fd++) {
			s = slot(t, fd);
			if (!s || !*s)
				break;
		}
		if (fd < (int)t->limit && s) {
			*s = f;
			set_cloexec(t, fd, cloexec);
		}
		spin_unlock(&t->lock);
		if (fd >= (int)t->limit)
			return -EMFILE;
		if (s)
			return fd;
		if (!chunk_make(t, fd))  /* then look again */
			return -ENOMEM;
	}
}

int fd_install_at(struct fdtable *t, int fd, struct file *f, bool cloexec)
{
	if (fd < 0 || fd >= (int)t->limit)
		return -EBADF;
	if (!t->chunk[fd / FD_CHUNK] && !chunk_make(t, fd))
		return -ENOMEM;
	spin_lock(&t->lock);
	struct file *old = take(t, fd);
	*slot(t, fd) = f;
	set_cloexec(t, fd, cloexec);
	spin_unlock(&t->lock);
	file_put(old);  /* outside the lock: it may be the last reference */
	return fd;
}

int fd_close(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return -EBADF;
	spin_lock(&t->lock);
	struct file *f = take(t, fd);
	spin_unlock(&t->lock);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

void fdtable_close_on_exec(struct fdtable *t)
{
	/* One word of close-on-exec bits at a time: most are zero, and exec
	 * is a hot path (walking all FD_MAX descriptors one by one, each
	 * under the lock, cost about 50,000 instructions per execve). */
	uint32_t words[FD_MAX / 32];
	spin_lock(&t->lock);
	memcpy(words, t->cloexec, sizeof(words));
	spin_unlock(&t->lock);
	for (int w = 0; w < FD_MAX / 32; w++) {
		uint32_t bits = words[w];
		while (bits) {
			int fd = w * 32 + __builtin_ctz(bits);
			bits &= bits - 1;
			spin_lock(&t->lock);
			bool on = t->cloexec[fd / 32] & (1u << (fd % 32));
			struct file *f = on ? take(t, fd) : NULL;
			spin_unlock(&t->lock);
			file_put(f);
		}
	}
}
