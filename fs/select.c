/* fs/select.c: _newselect and pselect6 (and pselect6_time64): the three
 * descriptor bit sets become poll records for fs/poll.c's loop, and the
 * answer becomes the sets again, as Linux's select does it: readable
 * means POLLIN, POLLHUP or POLLERR; writable POLLOUT or POLLERR;
 * exceptional POLLPRI. */
#include "fs/poll.h"

#include "fs/fs_internal.h"
#include "fs/syscalls.h"
#include "kernel/lib/string.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"

#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET POLLPRI

/* The three sets as the user gave them (in) and as the answer (out),
 * `words` 32-bit words each, in one allocation. */
struct fdsets {
	uint32_t words;
	uint32_t *in[3], *out[3];
};

static bool bit(const uint32_t *set, uint32_t fd)
{
	return set[fd / 32] & (1u << (fd % 32));
}

static int sets_get(struct fdsets *s, uint32_t n, const uint32_t uset[3])
{
	s->words = (n + 31) / 32;
	uint32_t bytes = s->words * 4;
	uint32_t *mem = kzalloc(6 * bytes + 4);
	if (!mem)
		return -ENOMEM;
	for (int k = 0; k < 3; k++) {
		s->in[k] = mem + k * s->words;
		s->out[k] = mem + (3 + k) * s->words;
		if (uset[k] && copy_from_user(s->in[k], (void *)uset[k], bytes))
			return -EFAULT;
	}
	return 0;
}

/* The poll records for the descriptors named in any set; -EBADF if one is
 * not open. Returns the count, with *out allocated (or NULL for none). */
static long sets_to_poll(const struct fdsets *s, uint32_t n,
			 struct pollvec *out)
{
	uint32_t count = 0;
	for (uint32_t fd = 0; fd < n; fd++)
		if (bit(s->in[0], fd) || bit(s->in[1], fd) || bit(s->in[2], fd))
			count++;
	if (pollvec_alloc(out, count))
		return -ENOMEM;
	uint32_t i = 0;
	for (uint32_t fd = 0; fd < n; fd++) {
		short ev = (bit(s->in[0], fd) ? POLLIN_SET : 0) |
			   (bit(s->in[1], fd) ? POLLOUT_SET : 0) |
			   (bit(s->in[2], fd) ? POLLEX_SET : 0);
		if (!ev)
			continue;
		struct file *f = fget((int)fd);
		if (!f)
			return -EBADF;  /* the caller frees out */
		file_put(f);
		*pollvec_at(out, i++) = (struct pollfd){ (int)fd, ev, 0 };
	}
	return count;
}

/* Turn the poll answer into the output sets; returns the bits set. */
static long poll_to_sets(struct fdsets *s, struct pollvec *fds)
{
	static const short want[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };
	long bits = 0;
	for (uint32_t i = 0; i < fds->n; i++) {
		const struct pollfd *pfd = pollvec_at(fds, i);
		uint32_t fd = (uint32_t)pfd->fd;
		for (int k = 0; k < 3; k++) {
			if (bit(s->in[k], fd) && (pfd->revents & want[k])) {
				s->out[k][fd / 32] |= 1u << (fd % 32);
				bits++;
			}
		}
	}
	return bits;
}

static long do_select(uint32_t n, const uint32_t uset[3], uint64_t deadline)
{
	if ((int32_t)n < 0)
		return -EINVAL;
	if (n > FD_MAX)
		n = FD_MAX;  /* as Linux: no descriptor lies above the table */
	struct fdsets s = { 0 };
	struct pollvec fds = { 0 };
	long r = sets_get(&s, n, uset);
	if (r)
		goto out;
	if ((r = sets_to_poll(&s, n, &fds)) < 0)
		goto out;
	r = poll_files(&fds, deadline, true);
	if (r < 0)
		goto out;
	r = poll_to_sets(&s, &fds);
	for (int k = 0; k < 3; k++)
		if (uset[k] && copy_to_user((void *)uset[k], s.out[k], s.words * 4))
			r = -EFAULT;
out:
	pollvec_free(&fds);
	kfree(s.in[0]);
	return r;
}

struct old_timeval32 {
	int32_t tv_sec, tv_usec;
};

/* _newselect(n, readfds, writefds, exceptfds, timeout) */
long sys_newselect(uint32_t n, uint32_t uin, uint32_t uout, uint32_t uex,
		   uint32_t utv, uint32_t a6)
{
	uint64_t deadline = 0;
	struct old_timeval32 tv;
	if (utv) {
		if (copy_from_user(&tv, (void *)utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		/* microseconds past a second carry over, as Linux */
		deadline = poll_deadline_after((uint64_t)tv.tv_sec,
					       (uint64_t)tv.tv_usec * 1000);
	}
	const uint32_t uset[3] = { uin, uout, uex };
	long r = do_select(n, uset, deadline);
	if (utv) {  /* Linux stores the time left (a fault is ignored) */
		uint64_t now = time_monotonic_ns();
		uint64_t left = deadline > now ? deadline - now : 0;
		tv.tv_sec = (int32_t)(left / NSEC_PER_SEC);
		tv.tv_usec = (int32_t)(left % NSEC_PER_SEC / 1000);
		(void)copy_to_user((void *)utv, &tv, sizeof(tv));
	}
	return r;
}

/* pselect6's sixth argument: { const sigset_t *ss; size_t ss_len; } */
static long do_pselect6(uint32_t n, uint32_t uin, uint32_t uout, uint32_t uex,
			uint32_t uts, uint32_t usig, bool time64)
{
	uint64_t deadline;
	struct poll_mask m = { false, 0 };
	long r = poll_timespec_deadline(uts, time64, &deadline);
	if (r)
		return r;
	if (usig) {
		uint32_t sig[2];
		if (copy_from_user(sig, (void *)usig, sizeof(sig)))
			return -EFAULT;
		if ((r = poll_sigmask_set(sig[0], sig[1], &m)))
			return r;
	}
	const uint32_t uset[3] = { uin, uout, uex };
	r = do_select(n, uset, deadline);
	poll_sigmask_done(&m, r);
	poll_timespec_remaining(uts, time64, deadline);
	return r;
}

long sys_pselect6(uint32_t n, uint32_t uin, uint32_t uout, uint32_t uex,
		  uint32_t uts, uint32_t usig)
{
	return do_pselect6(n, uin, uout, uex, uts, usig, false);
}

long sys_pselect6_time64(uint32_t n, uint32_t uin, uint32_t uout,
			 uint32_t uex, uint32_t uts, uint32_t usig)
{
	return do_pselect6(n, uin, uout, uex, uts, usig, true);
}
