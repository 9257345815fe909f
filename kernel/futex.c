/* kernel/futex.c: futex(2). A waiter sleeps on its own wait queue and is
 * linked, with the key of the word it waits on, into one of a few hash
 * buckets; wake, requeue and wake_op walk the bucket of a key. Keys:
 *
 *   private futex:                   (address space, address)
 *   shared futex in private memory:  (address space, address, shared)
 *   shared futex in MAP_SHARED memory: (file or shm object, offset, shared)
 *
 * A copy-on-write copy moves a private word to another frame, never to
 * another address, so its key does not go stale; a word in shared memory
 * has one object and offset in every process that maps it, whatever frame
 * holds it (reclaim may drop a clean file page and read it back). */
#include "kernel/futex.h"

#include <stdbool.h>

#include "kernel/lock.h"
#include "kernel/proc.h"
#include "kernel/restart.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/futex.h"
#include "kernel/wait.h"
#include "mm/as.h"
#include "mm/uaccess.h"

struct futex_key {
	const void *space;  /* the address space, or the shared object */
	uint32_t addr;      /* user address, or offset in the object */
	bool shared;        /* as Linux, a shared wake of a word in private
			       memory finds only shared waiters */
};

/* One sleeping thread, on its kernel stack. */
struct futex_waiter {
	struct futex_key key;
	uint32_t bitset;            /* FUTEX_WAIT_BITSET's; MATCH_ANY else */
	struct futex_waiter *next;  /* in its bucket, oldest first */
	struct waitq wq;            /* only this thread sleeps on it */
	bool woken;                 /* taken off the bucket by a waker */
};

#define FUTEX_BUCKETS 64

/* futex_lock guards the buckets and every waiter's key, next and woken. */
static struct spinlock futex_lock = SPINLOCK_INIT("futex");
static struct futex_waiter *buckets[FUTEX_BUCKETS];
static int nwaiters;

static bool key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->space == b->space && a->addr == b->addr &&
	       a->shared == b->shared;
}

static struct futex_waiter **bucket_of(const struct futex_key *k)
{
	uint32_t h = (uint32_t)(uintptr_t)k->space * 2654435761u ^
		     (k->addr >> 2) * 40503u;
	return &buckets[(h >> 7) % FUTEX_BUCKETS];
}

static void append(struct futex_waiter *w)
{
	struct futex_waiter **pp = bucket_of(&w->key);
	while (*pp)
		pp = &(*pp)->next;
	w->next = NULL;
	*pp = w;
}

static void unlink_waiter(struct futex_waiter *w)
{
	for (struct futex_waiter **pp = bucket_of(&w->key); *pp;
	     pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			return;
		}
	}
}

/* The key of the word at uaddr, as Linux's get_futex_key(): -EINVAL if
 * misaligned, -EFAULT outside user space; a shared key needs the page
 * (faulted in here: -EFAULT if there is none). */
static int get_key(uint32_t uaddr, bool private, struct futex_key *k)
{
	if (uaddr % sizeof(uint32_t))
		return -EINVAL;
	if (!user_range_ok((void *)uaddr, sizeof(uint32_t)))
		return -EFAULT;
	struct address_space *as = proc_current()->as;
	k->space = as;
	k->addr = uaddr;
	k->shared = !private;
	if (private)
		return 0;
	uint32_t word;
	if (copy_from_user(&word, (void *)uaddr, sizeof(word)))
		return -EFAULT;
	/* A word in shared memory is the same word in every process that
	 * maps it, wherever: key it by the object and the offset in it (as
	 * Linux's inode and page index), which no reclaim or copy changes. */
	struct vma *v = vma_find(&as->vmas, uaddr);
	if (v && (v->kind == VMA_FILE_SHARED || v->kind == VMA_ANON_SHARED)) {
		k->space = v->kind == VMA_FILE_SHARED ? (const void *)v->file
						      : (const void *)v->shm;
		k->addr = v->file_offset + (uaddr - v->start);
	}
	return 0;
}

/* Wake up to nr (at least one, as Linux) waiters on k whose bitset meets
 * bitset. futex_lock held. */
static int wake_locked(const struct futex_key *k, int nr, uint32_t bitset)
{
	int n = 0;
	struct futex_waiter **pp = bucket_of(k);
	while (*pp) {
		struct futex_waiter *w = *pp;
		if (!key_eq(&w->key, k) || !(w->bitset & bitset)) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->woken = true;
		waitq_wake_one(&w->wq);
		if (++n >= nr)
			break;
	}
	return n;
}

/* Read the word at uaddr with futex_lock held. The caller faulted the page
 * in just before (get_key or a first read) and nothing ran since, so this
 * copy finds it present and cannot sleep. */
static int read_locked(uint32_t uaddr, uint32_t *val)
{
	return copy_from_user(val, (void *)uaddr, sizeof(*val)) ? -EFAULT : 0;
}

/* Make the word's page present and writable (a copy-on-write copy happens
 * here) before futex_lock is taken, so a locked read-modify-write under it
 * cannot sleep. A compare-and-exchange of 0 with 0 writes what it finds
 * back (x86 writes even when the comparison fails), in one locked
 * instruction: unlike a read and a write, it cannot undo another thread's
 * store made in between. */
static int fault_in_writable(uint32_t uaddr)
{
	uint32_t cur;
	return user_cmpxchg32((uint32_t *)uaddr, 0, 0, &cur);
}

static long futex_wait_signalled(uint32_t uaddr, bool private, uint32_t val,
				 uint64_t deadline, uint32_t bitset);

static long futex_wait(uint32_t uaddr, bool private, uint32_t val,
		       uint64_t deadline, uint32_t bitset)
{
	struct futex_waiter w = { .bitset = bitset, .wq = WAITQ_INIT };
	uint32_t cur;
	if (!bitset)
		return -EINVAL;
	int r = get_key(uaddr, private, &w.key);
	if (r)
		return r;
	if (copy_from_user(&cur, (void *)uaddr, sizeof(cur)))
		return -EFAULT;  /* and now the page is in */
	spin_lock(&futex_lock);
	r = read_locked(uaddr, &cur);
	if (!r && cur != val)
		r = -EAGAIN;  /* changed before we slept: look again */
	if (r)
		goto out;
	append(&w);
	nwaiters++;
	while (!w.woken) {
		r = waitq_sleep(&w.wq, &futex_lock, deadline, WAIT_INTERRUPTIBLE);
		if (r)
			break;
	}
	nwaiters--;
	if (w.woken)
		r = 0;  /* a wake that raced a timeout or signal still counts */
	else
		unlink_waiter(&w);
out:
	spin_unlock(&futex_lock);
	return r;
}

/* restart_syscall() after a signal without a handler interrupted a
 * timed wait: the same wait, to the same deadline (as Linux's
 * futex_wait_restart). */
static long futex_wait_restart(struct restart_block *rb)
{
	rb->fn = NULL;
	return futex_wait_signalled(rb->futex_uaddr, rb->futex_private,
				    rb->futex_val, rb->deadline_ns,
				    rb->futex_bitset);
}

/* futex_wait, with Linux's answer when a signal interrupts it: without a
 * timeout, restart it (SA_RESTART) or -EINTR; with one, resume it with
 * its deadline if no handler runs, or -EINTR. */
static long futex_wait_signalled(uint32_t uaddr, bool private, uint32_t val,
				 uint64_t deadline, uint32_t bitset)
{
	long r = futex_wait(uaddr, private, val, deadline, bitset);
	if (r != -EINTR)
		return r;
	if (!deadline)
		return -ERESTARTSYS;
	struct restart_block *rb = &thread_current()->restart;
	rb->fn = futex_wait_restart;
	rb->deadline_ns = deadline;
	rb->futex_uaddr = uaddr;
	rb->futex_val = val;
	rb->futex_bitset = bitset;
	rb->futex_private = private;
	return -ERESTART_RESTARTBLOCK;
}

static long futex_wake(uint32_t uaddr, bool private, int nr, uint32_t bitset)
{
	struct futex_key k;
	if (!bitset)
		return -EINVAL;
	int r = get_key(uaddr, private, &k);
	if (r)
		return r;
	spin_lock(&futex_lock);
	r = wake_locked(&k, nr, bitset);
	spin_unlock(&futex_lock);
	return r;
}

long futex_wake_one(uint32_t uaddr)
{
	return futex_wake(uaddr, false, 1, FUTEX_BITSET_MATCH_ANY);
}

/* FUTEX_REQUEUE / FUTEX_CMP_REQUEUE (cmp: *uaddr1 must still be cmpval):
 * wake nr_wake waiters of uaddr1, move up to nr_requeue more to uaddr2.
 * Returns how many were woken or moved. */
static long futex_requeue(uint32_t uaddr1, uint32_t uaddr2, bool private,
			  int nr_wake, int nr_requeue, bool cmp, uint32_t cmpval)
{
	struct futex_key k1, k2;
	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	int r = get_key(uaddr1, private, &k1);
	if (!r)
		r = get_key(uaddr2, private, &k2);
	uint32_t cur;
	if (!r && cmp && copy_from_user(&cur, (void *)uaddr1, sizeof(cur)))
		r = -EFAULT;
	if (r)
		return r;
	spin_lock(&futex_lock);
	if (cmp && (r = read_locked(uaddr1, &cur)) == 0 && cur != cmpval)
		r = -EAGAIN;
	if (r)
		goto out;
	struct futex_waiter **pp = bucket_of(&k1), *moved = NULL, **tail = &moved;
	int count = 0;
	while (*pp && count - nr_wake < nr_requeue) {
		struct futex_waiter *w = *pp;
		if (!key_eq(&w->key, &k1)) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		if (++count <= nr_wake) {
			w->woken = true;
			waitq_wake_one(&w->wq);
		} else {  /* collected first: k2 may share k1's bucket */
			w->key = k2;
			w->next = NULL;
			*tail = w;
			tail = &w->next;
		}
	}
	while (moved) {
		struct futex_waiter *w = moved;
		moved = w->next;
		append(w);
	}
	r = count;
out:
	spin_unlock(&futex_lock);
	return r;
}

/* FUTEX_WAKE_OP's operation on old, as Linux's futex_atomic_op_inuser():
 * the new value in *nv, or -ENOSYS for an unknown operation. */
static int wake_op_apply(uint32_t encoded, uint32_t old, uint32_t *nv)
{
	unsigned op = (encoded >> 28) & 7;
	int32_t oparg = (int32_t)(encoded << 8) >> 20;  /* bits 12..23, signed */
	if (encoded & (FUTEX_OP_OPARG_SHIFT << 28))
		oparg = 1 << (oparg & 31);
	switch (op) {
	case FUTEX_OP_SET:  *nv = (uint32_t)oparg; return 0;
	case FUTEX_OP_ADD:  *nv = old + (uint32_t)oparg; return 0;
	case FUTEX_OP_OR:   *nv = old | (uint32_t)oparg; return 0;
	case FUTEX_OP_ANDN: *nv = old & ~(uint32_t)oparg; return 0;
	case FUTEX_OP_XOR:  *nv = old ^ (uint32_t)oparg; return 0;
	default:            return -ENOSYS;
	}
}

/* FUTEX_WAKE_OP's comparison of the old value: 1 true, 0 false, -ENOSYS. */
static int wake_op_compare(uint32_t encoded, uint32_t old)
{
	int32_t cmparg = (int32_t)(encoded << 20) >> 20;  /* bits 0..11 */
	int32_t o = (int32_t)old;
	switch ((encoded >> 24) & 15) {
	case FUTEX_OP_CMP_EQ: return o == cmparg;
	case FUTEX_OP_CMP_NE: return o != cmparg;
	case FUTEX_OP_CMP_LT: return o < cmparg;
	case FUTEX_OP_CMP_LE: return o <= cmparg;
	case FUTEX_OP_CMP_GT: return o > cmparg;
	case FUTEX_OP_CMP_GE: return o >= cmparg;
	default:              return -ENOSYS;
	}
}

/* FUTEX_WAKE_OP: atomically change *uaddr2 by the encoded operation, wake
 * nr_wake waiters of uaddr1 and, if the old *uaddr2 passes the encoded
 * comparison, nr_wake2 waiters of uaddr2. Returns how many woke. */
static long futex_wake_op(uint32_t uaddr1, uint32_t uaddr2, bool private,
			  int nr_wake, int nr_wake2, uint32_t encoded)
{
	struct futex_key k1, k2;
	int r = get_key(uaddr1, private, &k1);
	if (!r)
		r = get_key(uaddr2, private, &k2);
	uint32_t old, nv;
	if (!r)
		r = fault_in_writable(uaddr2);
	if (r)
		return r;
	spin_lock(&futex_lock);
	for (;;) {  /* until no other thread changed the word in between */
		uint32_t cur;
		r = read_locked(uaddr2, &old);
		if (!r)
			r = wake_op_apply(encoded, old, &nv);
		if (!r)
			r = user_cmpxchg32((uint32_t *)uaddr2, old, nv, &cur);
		if (r || cur == old)
			break;
	}
	if (r)
		goto out;
	int cmp = wake_op_compare(encoded, old);
	if (cmp < 0) {
		r = cmp;  /* as Linux: the operation is done, the call fails */
		goto out;
	}
	r = wake_locked(&k1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (cmp)
		r += wake_locked(&k2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
out:
	spin_unlock(&futex_lock);
	return r;
}

int futex_cmpxchg(uint32_t uaddr, uint32_t old, uint32_t new, uint32_t *cur)
{
	int r = fault_in_writable(uaddr);
	if (r)
		return r;
	spin_lock(&futex_lock);
	r = user_cmpxchg32((uint32_t *)uaddr, old, new, cur);
	spin_unlock(&futex_lock);
	return r;
}

int futex_waiters(void)
{
	return nwaiters;
}

/* CLOCK_REALTIME - CLOCK_MONOTONIC now: an absolute CLOCK_REALTIME
 * deadline becomes a monotonic one when the wait starts (setting the
 * clock later does not move it; Linux would). */
static int64_t realtime_offset_ns(void)
{
	/* monotonic read second: a tick in between makes the offset
	 * smaller, the deadline later, never earlier */
	return time_realtime_ns() - (int64_t)time_monotonic_ns();
}

/* A timeout from user space as a CLOCK_MONOTONIC deadline (never 0, which
 * means none): relative for FUTEX_WAIT, absolute on CLOCK_MONOTONIC or,
 * with FUTEX_CLOCK_REALTIME, CLOCK_REALTIME for FUTEX_WAIT_BITSET. sec and
 * nsec as timespec64_valid() checks them: -EINVAL if invalid. */
static int deadline_of(int64_t sec, int32_t nsec, bool relative,
		       bool realtime, uint64_t *deadline)
{
	if (sec < 0 || nsec < 0 || nsec >= (int32_t)NSEC_PER_SEC)
		return -EINVAL;
	uint64_t ns = (uint64_t)sec > UINT64_MAX / (2 * NSEC_PER_SEC) ?
		      UINT64_MAX / 2 : (uint64_t)sec * NSEC_PER_SEC + nsec;
	uint64_t now = time_monotonic_ns();
	if (relative) {
		*deadline = now + ns;
	} else if (realtime) {
		int64_t offset = realtime_offset_ns();
		*deadline = (int64_t)ns > offset ? ns - offset : 1;
	} else {
		*deadline = ns ? ns : 1;
	}
	return 0;
}

/* Linux's struct timespec on i386 (old_timespec32) and its 64-bit one. */
struct timespec32 {
	int32_t tv_sec;
	int32_t tv_nsec;
};

struct timespec64 {
	int64_t tv_sec;
	int64_t tv_nsec;  /* only the low 32 bits count on a 32-bit kernel */
};

static long futex_call(uint32_t uaddr, uint32_t op, uint32_t val,
		       uint32_t utime, bool time64, uint32_t uaddr2,
		       uint32_t val3)
{
	int cmd = (int)(op & FUTEX_CMD_MASK);
	bool private = op & FUTEX_PRIVATE_FLAG, rt = op & FUTEX_CLOCK_REALTIME;
	if (rt && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
		return -ENOSYS;
	uint64_t deadline = 0;
	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		int64_t sec;
		int32_t nsec;
		if (time64) {
			struct timespec64 ts;
			if (copy_from_user(&ts, (void *)utime, sizeof(ts)))
				return -EFAULT;
			sec = ts.tv_sec;
			nsec = (int32_t)ts.tv_nsec;
		} else {
			struct timespec32 ts;
			if (copy_from_user(&ts, (void *)utime, sizeof(ts)))
				return -EFAULT;
			sec = ts.tv_sec;
			nsec = ts.tv_nsec;
		}
		int r = deadline_of(sec, nsec, cmd == FUTEX_WAIT, rt, &deadline);
		if (r)
			return r;
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait_signalled(uaddr, private, val, deadline,
					    FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait_signalled(uaddr, private, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, private, (int)val,
				  FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, (int)val, val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, uaddr2, private, (int)val,
				     (int)utime, cmd == FUTEX_CMP_REQUEUE, val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, uaddr2, private, (int)val,
				     (int)utime, val3);
	default:  /* FUTEX_FD is gone; no priority inheritance */
		return -ENOSYS;
	}
}

long sys_futex(uint32_t uaddr, uint32_t op, uint32_t val, uint32_t utime,
	       uint32_t uaddr2, uint32_t val3)
{
	return futex_call(uaddr, op, val, utime, false, uaddr2, val3);
}

long sys_futex_time64(uint32_t uaddr, uint32_t op, uint32_t val,
		      uint32_t utime, uint32_t uaddr2, uint32_t val3)
{
	return futex_call(uaddr, op, val, utime, true, uaddr2, val3);
}
