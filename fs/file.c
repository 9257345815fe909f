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
		t->refs = 1;
		t->limit = FD_MAX;
	}
	return t;
}

struct fdtable *fdtable_get(struct fdtable *t)
{
	if (t)
		t->refs++;
	return t;
}

static struct file **slot(struct fdtable *t, int fd)
{
	struct file **c = t->chunk[fd / FD_CHUNK];
	return c ? &c[fd % FD_CHUNK] : NULL;
}

static void close_all(struct fdtable *t)
{
	for (int i = 0; i < FD_MAX / FD_CHUNK; i++) {
		if (!t->chunk[i])
			continue;
		for (int j = 0; j < FD_CHUNK; j++)
			file_put(t->chunk[i][j]);
		kfree(t->chunk[i]);
		t->chunk[i] = NULL;
	}
}

void fdtable_put(struct fdtable *t)
{
	if (!t || --t->refs)
		return;
	close_all(t);
	kfree(t);
}

struct fdtable *fdtable_copy(struct fdtable *t)
{
	struct fdtable *c = fdtable_new();
	if (!c)
		return NULL;
	c->limit = t->limit;
	memcpy(c->cloexec, t->cloexec, sizeof(c->cloexec));
	for (int i = 0; i < FD_MAX / FD_CHUNK; i++) {
		if (!t->chunk[i])
			continue;
		c->chunk[i] = kmalloc(FD_CHUNK * sizeof(struct file *));
		if (!c->chunk[i]) {
			fdtable_put(c);
			return NULL;
		}
		for (int j = 0; j < FD_CHUNK; j++)
			c->chunk[i][j] = file_get(t->chunk[i][j]);
	}
	return c;
}

struct file *fd_get(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	struct file **s = slot(t, fd);
	return s ? file_get(*s) : NULL;
}

/* The slot for fd, its chunk allocated if need be; NULL when out of memory. */
static struct file **slot_make(struct fdtable *t, int fd)
{
	struct file ***c = &t->chunk[fd / FD_CHUNK];
	if (!*c) {
		*c = kzalloc(FD_CHUNK * sizeof(struct file *));
		if (!*c)
			return NULL;
	}
	return &(*c)[fd % FD_CHUNK];
}

void fd_set_cloexec(struct fdtable *t, int fd, bool on)
{
	if (on)
		t->cloexec[fd / 32] |= 1u << (fd % 32);
	else
		t->cloexec[fd / 32] &= ~(1u << (fd % 32));
}

bool fd_cloexec(struct fdtable *t, int fd)
{
	return t->cloexec[fd / 32] & (1u << (fd % 32));
}

int fd_install(struct fdtable *t, int min, struct file *f, bool cloexec)
{
	if (min < 0)
		return -EINVAL;
	for (int fd = min; fd < (int)t->limit; fd++) {
		struct file **s = slot(t, fd);
		if (s && *s)
			continue;
		if (!s && !(s = slot_make(t, fd)))
			return -ENOMEM;
		*s = f;
		fd_set_cloexec(t, fd, cloexec);
		return fd;
	}
	return -EMFILE;
}

int fd_install_at(struct fdtable *t, int fd, struct file *f, bool cloexec)
{
	if (fd < 0 || fd >= (int)t->limit)
		return -EBADF;
	struct file **s = slot_make(t, fd);
	if (!s)
		return -ENOMEM;
	struct file *old = *s;
	*s = f;
	fd_set_cloexec(t, fd, cloexec);
	file_put(old);
	return fd;
}

int fd_close(struct fdtable *t, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return -EBADF;
	struct file **s = slot(t, fd);
	if (!s || !*s)
		return -EBADF;
	struct file *f = *s;
	*s = NULL;
	fd_set_cloexec(t, fd, false);
	file_put(f);
	return 0;
}

void fdtable_close_on_exec(struct fdtable *t)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (fd_cloexec(t, fd))
			fd_close(t, fd);
}
