/* kernel/pid_test.c: the id space (kernel/pid.c): ids wrap at pid_max to
 * PID_WRAP_MIN, skip numbers still held by a process or as a group or
 * session id, come back once free, and max_threads follows memory and
 * bounds how many processes may hold one. */
#include "kernel/lock.h"
#include "kernel/pid.h"
#include "kernel/proc.h"
#include "kernel/proc_internal.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"
#include "mm/pmm.h"
#include "tests/ktest.h"

/* A process that holds only an id: none of the lists, no threads. */
static struct proc *bare(void)
{
	struct proc *p = kzalloc(sizeof(*p));
	if (p && pid_alloc_proc(p)) {
		kfree(p);
		p = NULL;
	}
	return p;
}

static void drop(struct proc *p)
{
	spin_lock(&proc_lock);
	pid_release_proc(p);
	spin_unlock(&proc_lock);
	kfree(p);
}

KTEST(pid, ids_wrap_at_pid_max_and_skip_the_ones_in_use)
{
	int saved = pid_last();
	pid_set_last(PID_MAX_DEFAULT - 2);
	struct proc *a = bare(), *b = bare();
	ASSERT_NOT_NULL(a);
	ASSERT_NOT_NULL(b);
	EXPECT_EQ(a->pid, PID_MAX_DEFAULT - 1);  /* the last id */
	EXPECT_GE(b->pid, PID_WRAP_MIN);         /* then from 300 again */
	EXPECT_LT(b->pid, a->pid);
	spin_lock(&proc_lock);
	EXPECT_PTR_EQ(pid_proc(b->pid), b);
	spin_unlock(&proc_lock);
	int nr = b->pid;
	pid_set_last(nr - 1);
	struct proc *c = bare();  /* nr is b's: skipped */
	ASSERT_NOT_NULL(c);
	EXPECT_GT(c->pid, nr);
	/* nr as c's process group and session outlives b */
	pid_set_groups(c, nr, nr);
	drop(b);
	pid_set_last(nr - 1);
	struct proc *d = bare();
	ASSERT_NOT_NULL(d);
	EXPECT_NE(d->pid, nr);
	spin_lock(&proc_lock);
	EXPECT_NULL(pid_proc(nr));  /* held, but by no process */
	spin_unlock(&proc_lock);
	pid_set_groups(c, c->pid, c->pid);  /* nr is free now */
	pid_set_last(nr - 1);
	struct proc *e = bare();
	ASSERT_NOT_NULL(e);
	EXPECT_EQ(e->pid, nr);
	drop(a);
	drop(c);
	drop(d);
	drop(e);
	pid_set_last(saved);
}

KTEST(pid, max_threads_follows_memory_and_bounds_processes)
{
	uint64_t want = (uint64_t)pmm_total_count() * PAGE_SIZE /
			(8u * KSTACK_SIZE);
	if (want > KSTACK_SLOTS)  /* a stack slot for every thread */
		want = KSTACK_SLOTS;
	EXPECT_EQ(pid_max_threads(), want < MIN_THREADS ? MIN_THREADS : (int)want);
	ASSERT_EQ(pid_nr_procs(), 0);  /* no process left by earlier cases */
	ASSERT_EQ(pid_nr_threads(), 0);
	int old = pid_set_max_threads(3);
	EXPECT_EQ(pid_max_threads(), MIN_THREADS);  /* its floor */
	pid_set_max_threads(25);
	struct proc *p[25];  /* 100 bytes */
	int n = 0;
	while (n < 25 && (p[n] = bare()))
		n++;
	EXPECT_EQ(n, 25);
	struct proc *q = kzalloc(sizeof(*q));
	ASSERT_NOT_NULL(q);
	EXPECT_EQ(pid_alloc_proc(q), -EAGAIN);
	kfree(q);
	while (n > 0)
		drop(p[--n]);
	pid_set_max_threads(old);
}
