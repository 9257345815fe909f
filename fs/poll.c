/* fs/poll.c: waiting for any of several files (fs/poll.h): the poll loop
 * that poll, ppoll, select and pselect6 share, and poll and ppoll
 * themselves. Each pass asks every file's poll op what holds; the first
 * pass also puts the thread on the wait queues each file names
 * (poll_queues), so that a change after the check still wakes it; then it
 * sleeps on all of them at once (waitq_block) until a wake-up, the
 * deadline or a signal, and asks again. */
#include "fs/poll.h"

#include "fs/fs_internal.h"
#include "fs/syscalls.h"
#include "kernel/signal.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "mm/uaccess.h"

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
#define RESCAN_NS (20 * NSEC_PER_MSEC)  /* with more queues than entries */

void poll_wait(struct poll_table *pt, struct waitq *wq)
{
	if (!pt)
		return;
	for (unsigned i = 0; i < pt->n; i++)
		if (pt->queues[i] == wq)
			return;  /* already on it (dup'd descriptors share one) */
	if (pt->n == pt->max) {
		pt->overflow = true;  /* the loop then rescans on a timer */
		return;
	}
	waitq_add(wq, &pt->entries[pt->n]);
	pt->queues[pt->n] = wq;
	pt->files[pt->n++] = file_get(pt->cur);  /* its queue stays alive */
}

static void poll_unqueue(struct poll_table *pt)
{
	for (unsigned i = 0; i < pt->n; i++) {
		waitq_del(pt->queues[i], &pt->entries[i]);
		file_put(pt->files[i]);
	}
	pt->n = 0;
	pt->overflow = false;
}

/* What holds for one record: POLLNVAL for a descriptor not open. */
static unsigned poll_one(const struct pollfd *pfd, struct poll_table *pt,
			 bool select)
{
	if (pfd->fd < 0)
		return 0;
	struct file *f = fget(pfd->fd);
	if (!f)
		return select ? 0 : POLLNVAL;
	if (pt && f->ops->poll_queues) {
		pt->cur = f;
		f->ops->poll_queues(f, pt);
	}
	unsigned mask = f->ops->poll ? f->ops->poll(f) : DEFAULT_POLLMASK;
	file_put(f);
	/* poll reports errors and hang-ups unasked; select asks exactly */
	return mask & ((uint16_t)pfd->events |
		       (select ? 0 : POLLERR | POLLHUP));
}

int pollvec_alloc(struct pollvec *v, uint32_t n)
{
	*v = (struct pollvec){ .n = n };
	for (uint32_t i = 0; i < n; i += POLLVEC_PER_PAGE) {
		paddr_t f = pmm_alloc_frame(PMM_LOWMEM);
		if (!f) {
			pollvec_free(v);
			return -ENOMEM;
		}
		v->page[i / POLLVEC_PER_PAGE] = P2V(f);
	}
	return 0;
}

void pollvec_free(struct pollvec *v)
{
	for (unsigned i = 0; i < sizeof(v->page) / sizeof(v->page[0]); i++)
		if (v->page[i])
			pmm_free_frame(V2P(v->page[i]));
	*v = (struct pollvec){ 0 };
}

/* At most this many distinct queues per call (the heap's largest
 * object); past them the loop also rescans every RESCAN_NS. */
#define TABLE_MAX (KMALLOC_MAX / sizeof(struct wait_entry))

static int table_alloc(struct poll_table *pt, uint32_t n)
{
	*pt = (struct poll_table){ 0 };
	if (!n)
		return 0;
	if (n > TABLE_MAX)
		n = TABLE_MAX;
	pt->entries = kmalloc(n * sizeof(*pt->entries));
	pt->queues = kmalloc(n * sizeof(*pt->queues));
	pt->files = kmalloc(n * sizeof(*pt->files));
	pt->max = n;
	if (pt->entries && pt->queues && pt->files)
		return 0;
	kfree(pt->entries);
	kfree(pt->queues);
	kfree(pt->files);
	return -ENOMEM;
}

static void table_free(struct poll_table *pt)
{
	poll_unqueue(pt);
	kfree(pt->entries);
	kfree(pt->queues);
	kfree(pt->files);
}

long poll_files(struct pollvec *fds, uint64_t deadline_ns, bool select)
{
	uint32_t n = fds->n;
	struct poll_table pt;
	if (table_alloc(&pt, n))
		return -ENOMEM;
	bool expired = deadline_ns && time_monotonic_ns() >= deadline_ns;
	long count;
	for (;;) {
		count = 0;
		for (uint32_t i = 0; i < n; i++) {
			struct pollfd *pfd = pollvec_at(fds, i);
			pfd->revents = (short)poll_one(pfd, expired ? NULL : &pt,
						       select);
			if (pfd->revents)
				count++;
		}
		if (count || expired)
			break;
		uint64_t until = deadline_ns, now = time_monotonic_ns();
		if (pt.overflow && (!until || until > now + RESCAN_NS))
			until = now + RESCAN_NS;
		int r = waitq_block(pt.entries, pt.n, until, WAIT_INTERRUPTIBLE);
		poll_unqueue(&pt);
		if (r == -EINTR) {
			count = -ERESTARTNOHAND;
			break;
		}
		expired = deadline_ns && time_monotonic_ns() >= deadline_ns;
	}
	table_free(&pt);
	return count;
}

/* ---- timeouts ---- */

struct old_timespec32 {
	int32_t tv_sec, tv_nsec;
};

struct kernel_timespec64 {
	int64_t tv_sec, tv_nsec;
};

uint64_t poll_deadline_after(uint64_t sec, uint64_t nsec)
{
	uint64_t now = time_monotonic_ns();
	if (sec > 0xffffffffull)  /* centuries: as good as never */
		return 0;
	uint64_t d = now + sec * NSEC_PER_SEC + nsec;
	return d ? d : 1;
}

int poll_timespec_deadline(uint32_t uts, bool time64, uint64_t *deadline)
{
	int64_t sec, nsec;
	*deadline = 0;
	if (!uts)
		return 0;
	if (time64) {
		struct kernel_timespec64 ts;
		if (copy_from_user(&ts, (void *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = (int32_t)ts.tv_nsec;  /* a 32-bit kernel's long */
	} else {
		struct old_timespec32 ts;
		if (copy_from_user(&ts, (void *)uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= (int64_t)NSEC_PER_SEC)
		return -EINVAL;
	*deadline = poll_deadline_after((uint64_t)sec, (uint64_t)nsec);
	return 0;
}

void poll_timespec_remaining(uint32_t uts, bool time64, uint64_t deadline)
{
	if (!uts || !deadline)
		return;
	uint64_t now = time_monotonic_ns();
	uint64_t left = deadline > now ? deadline - now : 0;
	/* as Linux: a timespec in read-only memory is not an error */
	if (time64) {
		struct kernel_timespec64 ts = { (int64_t)(left / NSEC_PER_SEC),
						(int64_t)(left % NSEC_PER_SEC) };
		(void)copy_to_user((void *)uts, &ts, sizeof(ts));
	} else {
		struct old_timespec32 ts = { (int32_t)(left / NSEC_PER_SEC),
					     (int32_t)(left % NSEC_PER_SEC) };
		(void)copy_to_user((void *)uts, &ts, sizeof(ts));
	}
}

int poll_sigmask_set(uint32_t usigmask, uint32_t size, struct poll_mask *m)
{
	m->set = false;
	if (!usigmask)
		return 0;
	if (size != sizeof(ksigset_t))
		return -EINVAL;
	ksigset_t mask;
	if (copy_from_user(&mask, (void *)usigmask, sizeof(mask)))
		return -EFAULT;
	m->old = signal_set_mask(SIG_SETMASK, mask);
	m->set = true;
	return 0;
}

void poll_sigmask_done(const struct poll_mask *m, long r)
{
	if (!m->set)
		return;
	if (r == -ERESTARTNOHAND)  /* a handler runs under the call's mask */
		signal_restore_mask_later(m->old);
	else
		signal_set_mask(SIG_SETMASK, m->old);
}

/* ---- poll, ppoll ---- */

/* Poll the user's array ufds[0..n) until deadline (0: none). */
static long do_poll(uint32_t ufds, uint32_t n, uint64_t deadline)
{
	struct fdtable *t = cur_files();
	if (!t || n > t->limit)
		return -EINVAL;
	struct pollvec fds;
	if (pollvec_alloc(&fds, n))
		return -ENOMEM;
	long r = 0;
	for (uint32_t i = 0; !r && i < n; i += POLLVEC_PER_PAGE) {
		uint32_t k = n - i < POLLVEC_PER_PAGE ? n - i : POLLVEC_PER_PAGE;
		r = copy_from_user(pollvec_at(&fds, i),
				   (struct pollfd *)ufds + i, k * sizeof(struct pollfd));
	}
	if (!r)
		r = poll_files(&fds, deadline, false);
	for (uint32_t i = 0; r >= 0 && i < n; i++) {
		struct pollfd *u = (struct pollfd *)ufds + i;
		if (copy_to_user(&u->revents, &pollvec_at(&fds, i)->revents,
				 sizeof(short)))
			r = -EFAULT;
	}
	pollvec_free(&fds);
	return r;
}

/* poll(fds, nfds, timeout_ms): a negative timeout waits for ever. */
long sys_poll(uint32_t ufds, uint32_t n, uint32_t timeout, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	int32_t ms = (int32_t)timeout;
	uint64_t deadline = ms < 0 ? 0 : poll_deadline_after(
		0, (uint64_t)ms * NSEC_PER_MSEC);
	return do_poll(ufds, n, deadline);
}

static long do_ppoll(uint32_t ufds, uint32_t n, uint32_t uts,
		     uint32_t usigmask, uint32_t size, bool time64)
{
	uint64_t deadline;
	struct poll_mask m;
	long r = poll_timespec_deadline(uts, time64, &deadline);
	if (!r)
		r = poll_sigmask_set(usigmask, size, &m);
	if (r)
		return r;
	r = do_poll(ufds, n, deadline);
	poll_sigmask_done(&m, r);
	poll_timespec_remaining(uts, time64, deadline);
	return r;
}

/* ppoll(fds, nfds, timeout_ts, sigmask, sigsetsize) */
long sys_ppoll(uint32_t ufds, uint32_t n, uint32_t uts, uint32_t usigmask,
	       uint32_t size, uint32_t a6)
{
	return do_ppoll(ufds, n, uts, usigmask, size, false);
}

long sys_ppoll_time64(uint32_t ufds, uint32_t n, uint32_t uts,
		      uint32_t usigmask, uint32_t size, uint32_t a6)
{
	return do_ppoll(ufds, n, uts, usigmask, size, true);
}
