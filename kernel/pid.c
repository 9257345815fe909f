/* kernel/pid.c: the id space processes and threads share, Linux's struct
 * pid in miniature: one entry per number in use, in a hash table keyed
 * by the number, naming the process that has it as pid, the thread that
 * has it as tid and how many processes have it as their process group or
 * session id. The entry goes when all of them are gone. Everything here
 * is guarded by proc_lock (docs/locking.md). */
#include "kernel/pid.h"

#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "kernel/proc_internal.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/pmm.h"

#define PID_HASH_SIZE 512  /* buckets; ids are mostly consecutive */
#define MAX_THREADS 0x3fffffff  /* Linux's FUTEX_TID_MASK */

struct pid_entry {
	int nr;
	int groups;              /* processes with nr as pgid, plus as sid */
	struct proc *proc;       /* pid nr (live, zombie or embryo) or NULL */
	struct thread *thread;   /* live thread with tid nr, or NULL */
	struct pid_entry *next;  /* the bucket's chain */
};

static struct pid_entry *pid_hash[PID_HASH_SIZE];
static int last_pid;         /* the last id handed out */
static int max_threads;      /* 0: not computed yet */
static int nr_procs, nr_threads;

static struct pid_entry **bucket(int nr)
{
	return &pid_hash[(unsigned)nr % PID_HASH_SIZE];
}

static struct pid_entry *lookup(int nr)
{
	for (struct pid_entry *e = *bucket(nr); e; e = e->next)
		if (e->nr == nr)
			return e;
	return NULL;
}

/* Free e if nothing holds its number any more. proc_lock held. */
static void maybe_free(struct pid_entry *e)
{
	if (e->proc || e->thread || e->groups)
		return;
	struct pid_entry **pp = bucket(e->nr);
	while (*pp != e)
		pp = &(*pp)->next;
	*pp = e->next;
	kfree(e);  /* the heap turns interrupts off itself: safe here */
}

/* The next free number after last_pid, wrapping at pid_max, inserted as
 * entry e; -EAGAIN if every number is taken. proc_lock held. */
static int insert_next(struct pid_entry *e)
{
	for (int tries = 0; tries < PID_MAX_DEFAULT; tries++) {
		last_pid = last_pid + 1 >= PID_MAX_DEFAULT ? PID_WRAP_MIN
							   : last_pid + 1;
		if (!lookup(last_pid)) {
			e->nr = last_pid;
			e->next = *bucket(e->nr);
			*bucket(e->nr) = e;
			return e->nr;
		}
	}
	return -EAGAIN;
}

int pid_max_threads(void)
{
	if (!max_threads) {
		/* Linux's set_max_threads(): memory / (8 * THREAD_SIZE),
		 * and no more than the kernel-stack window has slots
		 * (mm/kstack.h), so a thread never lacks a stack slot. */
		uint64_t n = (uint64_t)pmm_total_count() * PAGE_SIZE /
			     (8u * KSTACK_SIZE);
		_Static_assert(KSTACK_SLOTS <= MAX_THREADS, "slots bound it");
		max_threads = n < MIN_THREADS ? MIN_THREADS :
			      n > KSTACK_SLOTS ? (int)KSTACK_SLOTS : (int)n;
	}
	return max_threads;
}

int pid_set_max_threads(int n)
{
	int old = pid_max_threads();
	max_threads = n < MIN_THREADS ? MIN_THREADS : n;
	return old;
}

/* A new entry holding a fresh number, or NULL with *err. proc_lock held;
 * e allocated by the caller, freed here on failure. */
static struct pid_entry *take_number(struct pid_entry *e, int *err)
{
	*err = insert_next(e);
	if (*err < 0) {
		kfree(e);
		return NULL;
	}
	*err = 0;
	return e;
}

int pid_alloc_proc(struct proc *p)
{
	struct pid_entry *e = kzalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	int err = -EAGAIN, limit = pid_max_threads();
	spin_lock(&proc_lock);
	if (nr_procs >= limit || nr_threads >= limit)
		kfree(e);  /* Linux's nr_threads >= max_threads: EAGAIN */
	else if (take_number(e, &err)) {
		e->proc = p;
		p->pid = e->nr;
		nr_procs++;
	}
	spin_unlock(&proc_lock);
	return err;
}

int pid_attach_thread(struct thread *t, int tid)
{
	struct pid_entry *e = tid ? NULL : kzalloc(sizeof(*e));
	int err = 0;
	if (!tid && !e)
		return -ENOMEM;
	spin_lock(&proc_lock);
	if (tid) {
		e = lookup(tid);
		KASSERT(e && !e->thread);
	} else if (nr_threads >= pid_max_threads()) {
		kfree(e);
		e = NULL;
		err = -EAGAIN;
	} else {
		e = take_number(e, &err);
	}
	if (e) {
		e->thread = t;
		t->tid = e->nr;
		nr_threads++;
	}
	spin_unlock(&proc_lock);
	return err;
}

void pid_detach_thread(struct thread *t)
{
	struct pid_entry *e = lookup(t->tid);
	if (!e || e->thread != t)
		return;  /* already forgotten (and maybe reused) */
	e->thread = NULL;
	nr_threads--;
	maybe_free(e);
}

void pid_forget_thread(struct thread *t)
{
	spin_lock(&proc_lock);
	pid_detach_thread(t);
	spin_unlock(&proc_lock);
}

void pid_move_thread(struct thread *t, int tid)
{
	pid_detach_thread(t);
	struct pid_entry *e = lookup(tid);
	KASSERT(e && !e->thread);
	e->thread = t;
	t->tid = tid;
	nr_threads++;
}

/* Drop one group or session reference on nr (0: none). */
static void group_put(int nr)
{
	if (!nr)
		return;
	struct pid_entry *e = lookup(nr);
	KASSERT(e && e->groups > 0);
	e->groups--;
	maybe_free(e);
}

static void group_get(int nr)
{
	struct pid_entry *e = lookup(nr);
	KASSERT(e);
	e->groups++;
}

void pid_set_groups(struct proc *p, int pgid, int sid)
{
	spin_lock(&proc_lock);
	group_get(pgid);  /* before the put: the same number may be both */
	group_get(sid);
	group_put(p->pgid);
	group_put(p->sid);
	p->pgid = pgid;
	p->sid = sid;
	spin_unlock(&proc_lock);
}

void pid_release_proc(struct proc *p)
{
	group_put(p->pgid);
	group_put(p->sid);
	p->pgid = p->sid = 0;
	struct pid_entry *e = lookup(p->pid);
	if (e && e->proc == p) {
		e->proc = NULL;
		nr_procs--;
		maybe_free(e);
	}
}

struct proc *pid_proc(int nr)
{
	struct pid_entry *e = nr > 0 ? lookup(nr) : NULL;
	return e ? e->proc : NULL;
}

struct thread *pid_thread(int nr)
{
	struct pid_entry *e = nr > 0 ? lookup(nr) : NULL;
	return e ? e->thread : NULL;
}

int pid_nr_procs(void)
{
	return nr_procs;
}

int pid_nr_threads(void)
{
	return nr_threads;
}

int pid_last(void)
{
	return last_pid;
}

void pid_set_last(int nr)
{
	last_pid = nr;
}
