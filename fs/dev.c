/* fs/dev.c: the character devices and the capture file (fs/dev.h). */
#include "fs/dev.h"

#include "fs/syscalls.h"

#include "fs/file.h"
#include "fs/fs_internal.h"
#include "fs/inode.h"
#include "fs/poll.h"
#include "fs/random.h"
#include "kernel/console.h"
#include "kernel/preempt.h"
#include "kernel/lib/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/ioctls.h"
#include "mm/uaccess.h"

#define CHUNK 256  /* bytes through the kernel stack at a time */

/* The loops below hold no lock and call cond_resched() after each chunk:
 * a 1 GiB write to the console gives the CPU away at the end of every
 * time slice instead of freezing the rest. */

/* ---- the console terminal ---- */

static long console_fread(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	char chunk[CHUNK];
	if (n == 0)
		return 0;
	if ((f->flags & O_NONBLOCK) && !console_input_ready())
		return -EAGAIN;
	int got = console_read(chunk, n < CHUNK ? n : CHUNK);
	if (got < 0)
		return got;  /* -ERESTARTSYS: a signal came first */
	if (copy_to_user(buf, chunk, (uint32_t)got))
		return -EFAULT;
	return got;
}

static long console_fwrite(struct file *f, const void *buf, uint32_t n,
			   uint64_t *pos)
{
	char chunk[CHUNK];
	uint32_t done = 0;
	while (done < n) {
		uint32_t k = n - done < CHUNK ? n - done : CHUNK;
		if (copy_from_user(chunk, (const char *)buf + done, k))
			return done ? (long)done : -EFAULT;
		console_write(chunk, k);
		done += k;
		cond_resched();
	}
	return done;
}

/* The serial console is a terminal of 24 rows and 80 columns; libcs ask
 * (TIOCGWINSZ) to decide whether stdout is line-buffered. */
static long console_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	if (cmd == TIOCGWINSZ) {
		uint16_t ws[4] = { 24, 80, 0, 0 };
		return copy_to_user((void *)arg, ws, sizeof(ws));
	}
	if (cmd == FIONREAD) {
		int n = (int)console_input_ready();
		return copy_to_user((void *)arg, &n, sizeof(n));
	}
	return console_tty_ioctl(cmd, arg);  /* termios, job control */
}

static unsigned console_poll(struct file *f)
{
	return POLLOUT | POLLWRNORM |
	       (console_input_ready() ? POLLIN | POLLRDNORM : 0);
}

static void console_poll_queues(struct file *f, struct poll_table *pt)
{
	poll_wait(pt, console_input_waitq());
}

static const struct file_ops console_ops = {
	.read = console_fread, .write = console_fwrite,
	.ioctl = console_ioctl, .poll = console_poll,
	.poll_queues = console_poll_queues,
};

struct file *console_file_open(void)
{
	/* Through its /dev node, so that fstat() shows a character device. */
	mutex_lock(&fs_tree_lock);
	struct inode *dev = fs_root ? dir_find(fs_root, "dev", 3) : NULL;
	struct inode *node = dev && S_ISDIR(dev->mode)
				     ? dir_find(dev, "console", 7) : NULL;
	struct file *f = file_new(node, &console_ops, O_RDWR, NULL);
	mutex_unlock(&fs_tree_lock);
	return f;
}

/* ---- null, zero, full, urandom ---- */

static long zero_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	static const char zeros[CHUNK];
	for (uint32_t done = 0; done < n;) {
		uint32_t k = n - done < CHUNK ? n - done : CHUNK;
		if (copy_to_user((char *)buf + done, zeros, k))
			return done ? (long)done : -EFAULT;
		done += k;
		cond_resched();
	}
	return n;
}

static long random_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	char chunk[64];
	for (uint32_t done = 0; done < n;) {
		uint32_t k = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		random_bytes(chunk, k);
		if (copy_to_user((char *)buf + done, chunk, k))
			return done ? (long)done : -EFAULT;
		done += k;
		cond_resched();
	}
	return n;
}

#define GRND_NONBLOCK 0x1
#define GRND_RANDOM   0x2
#define GRND_INSECURE 0x4

/* getrandom(buf, count, flags): /dev/urandom's bytes without a file (the
 * generator is seeded at its first use, so it never blocks). */
long sys_getrandom(uint32_t ubuf, uint32_t n, uint32_t flags, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	if (flags & ~(uint32_t)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if (n > 0x1ffffff)  /* Linux's cap: INT_MAX >> 6 */
		n = 0x1ffffff;
	if (!user_range_ok((void *)ubuf, n))
		return -EFAULT;
	return random_read(NULL, (void *)ubuf, n, NULL);
}

static long null_read(struct file *f, void *buf, uint32_t n, uint64_t *pos)
{
	return 0;
}

static long sink_write(struct file *f, const void *buf, uint32_t n,
		       uint64_t *pos)
{
	return n;  /* as Linux, without even reading the buffer */
}

static long full_write(struct file *f, const void *buf, uint32_t n,
		       uint64_t *pos)
{
	return -ENOSPC;
}

static int64_t mem_llseek(struct file *f, int64_t off, int whence)
{
	return 0;  /* Linux's null_lseek: every position is 0 */
}

static unsigned always_ready(struct file *f)
{
	return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}

static const struct file_ops null_ops = {
	.read = null_read, .write = sink_write, .llseek = mem_llseek,
	.poll = always_ready,
};
static const struct file_ops zero_ops = {
	.read = zero_read, .write = sink_write, .llseek = mem_llseek,
	.poll = always_ready,
};
static const struct file_ops full_ops = {
	.read = zero_read, .write = full_write, .llseek = mem_llseek,
	.poll = always_ready,
};
static const struct file_ops random_ops = {
	.read = random_read, .write = sink_write, .llseek = mem_llseek,
	.poll = always_ready,
};

static const struct {
	const char *name;
	uint32_t rdev;
	const struct file_ops *ops;
	uint32_t perm;
} devices[] = {
	{ "console", MKDEV(DEV_TTY_MAJOR, 1), &console_ops, 0600 },
	{ "tty", MKDEV(DEV_TTY_MAJOR, 0), &console_ops, 0666 },
	{ "null", MKDEV(DEV_MEM_MAJOR, 3), &null_ops, 0666 },
	{ "zero", MKDEV(DEV_MEM_MAJOR, 5), &zero_ops, 0666 },
	{ "full", MKDEV(DEV_MEM_MAJOR, 7), &full_ops, 0666 },
	{ "random", MKDEV(DEV_MEM_MAJOR, 8), &random_ops, 0666 },
	{ "urandom", MKDEV(DEV_MEM_MAJOR, 9), &random_ops, 0666 },
};

#define NDEVICES (sizeof(devices) / sizeof(devices[0]))

const struct file_ops *dev_ops(uint32_t rdev)
{
	for (unsigned i = 0; i < NDEVICES; i++)
		if (devices[i].rdev == rdev)
			return devices[i].ops;
	return NULL;
}

int dev_populate(struct inode *dir)
{
	for (unsigned i = 0; i < NDEVICES; i++) {
		const char *name = devices[i].name;
		if (dir_find(dir, name, strlen(name)))
			continue;  /* the initrd made it */
		struct inode *n = inode_new(S_IFCHR | devices[i].perm, NULL);
		if (!n)
			return -ENOMEM;
		n->rdev = devices[i].rdev;
		int err = dir_link(dir, name, strlen(name), n);
		inode_put(n);
		if (err)
			return err;
	}
	return 0;
}

/* ---- the capture file ---- */

static long capture_write(struct file *f, const void *buf, uint32_t n,
			  uint64_t *pos)
{
	struct capture *c = f->priv;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	if (!c)
		return n;
	uint32_t room = c->size - c->len, k = n < room ? n : room;
	if (copy_from_user(c->buf + c->len, buf, k))
		return -EFAULT;
	c->len += k;
	return n;
}

static const struct file_ops capture_ops = {
	.write = capture_write, .poll = always_ready,
};

struct file *capture_file_new(struct capture *c)
{
	return file_new(NULL, &capture_ops, O_WRONLY, c);
}

void capture_file_detach(struct file *f)
{
	f->priv = NULL;
}
