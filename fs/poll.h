/* fs/poll.h: what a file's poll_queues operation uses to say which wait
 * queues announce a change of its readiness, and the poll loop that poll,
 * ppoll, select and pselect6 share (fs/poll.c, fs/select.c;
 * docs/pipes.md). */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/poll.h"
#include "kernel/uapi/signal.h"
#include "kernel/wait.h"

struct file;

/* The queues one poll call sleeps on: one wait entry per queue, in arrays
 * that do not move while the entries are queued; each entry holds a
 * reference on the file whose queue it is on. */
struct poll_table {
	struct wait_entry *entries;
	struct waitq **queues;
	struct file **files;
	unsigned n, max;
	bool overflow;      /* a queue did not fit: rescan on a timer */
	struct file *cur;   /* the file whose poll_queues op runs */
};

/* Add the calling thread to wq for this poll call (pt NULL: the caller
 * only asks for readiness). Every queue a file names must be woken (with
 * waitq_wake_all) whenever the answer of its poll op may have changed. */
void poll_wait(struct poll_table *pt, struct waitq *wq);

/* An array of up to FD_MAX poll records in whole pages (more than the
 * heap's largest object). */
#define POLLVEC_PER_PAGE (4096 / sizeof(struct pollfd))
struct pollvec {
	struct pollfd *page[(1024 + POLLVEC_PER_PAGE - 1) / POLLVEC_PER_PAGE];
	uint32_t n;
};

static inline struct pollfd *pollvec_at(struct pollvec *v, uint32_t i)
{
	return &v->page[i / POLLVEC_PER_PAGE][i % POLLVEC_PER_PAGE];
}

/* Room for n (<= 1024) records. Returns 0 or -ENOMEM (nothing held). */
int pollvec_alloc(struct pollvec *v, uint32_t n);
void pollvec_free(struct pollvec *v);

/* Fill each record's revents until one is non-zero, CLOCK_MONOTONIC passes
 * deadline_ns (0: never; already past: one look, no sleep) or a signal is
 * pending. poll's rules (POLLNVAL for a closed descriptor, POLLERR and
 * POLLHUP reported unasked) unless select: then only the asked bits, and
 * nothing for a closed one. Returns how many records have revents,
 * -ERESTARTNOHAND (a signal) or -ENOMEM. */
long poll_files(struct pollvec *fds, uint64_t deadline_ns, bool select);

/* The deadline sec seconds and nsec nanoseconds from now (0 if too far to
 * matter: never). */
uint64_t poll_deadline_after(uint64_t sec, uint64_t nsec);

/* The deadline of the user timespec at uts (0: none, for a NULL uts),
 * 32-bit (ppoll, pselect6) or 64-bit (the *_time64 calls). Returns 0,
 * -EFAULT or -EINVAL (negative, or nanoseconds out of range). */
int poll_timespec_deadline(uint32_t uts, bool time64, uint64_t *deadline);

/* Store the time left until deadline into the user timespec at uts, as
 * Linux does on the way out (a fault is ignored). */
void poll_timespec_remaining(uint32_t uts, bool time64, uint64_t deadline);

/* The signal mask ppoll and pselect6 wait with: the user's ksigset_t at
 * usigmask (NULL: the thread's own) replaces the thread's for the call;
 * m keeps the old one. Returns 0, -EINVAL (size is not 8) or -EFAULT
 * (then nothing changed). */
struct poll_mask {
	bool set;
	ksigset_t old;
};
int poll_sigmask_set(uint32_t usigmask, uint32_t size, struct poll_mask *m);

/* The call ends with r: the old mask comes back now, or, if a signal
 * interrupted it (-ERESTARTNOHAND), once its handler's frame is built. */
void poll_sigmask_done(const struct poll_mask *m, long r);

#endif
