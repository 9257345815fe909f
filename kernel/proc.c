/* kernel/proc.c: the list of every process and each one's children,
 * processes' threads, exit and exit_group, execve's de_thread. Ids and
 * the pid hash are kernel/pid.c. wait4 is kernel/proc_wait.c, fork and
 * clone kernel/clone.c. */
#include "kernel/proc.h"

#include "fs/fs.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"
#include "kernel/futex.h"
#include "kernel/lib/string.h"
#include "kernel/itimer.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/pid.h"
#include "kernel/proc_internal.h"
#include "kernel/resource.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/time.h"
#include "kernel/signal.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"

struct spinlock proc_lock = SPINLOCK_INIT("proc");
struct list_node proc_all = LIST_INIT(proc_all);
static struct list_node orphans = LIST_INIT(orphans);  /* via sibling:
		no parent to wait for them; freed when they end */
static struct proc *init_proc;       /* adopts orphans; NULL in test runs */
struct waitq kernel_waiters = WAITQ_INIT;

static void proc_remove(struct proc *p);

void proc_free_dead_threads(struct proc *p)
{
	spin_lock(&proc_lock);
	struct thread **pp = &p->dead, *list = NULL;
	while (*pp) {
		struct thread *t = *pp;
		if (t->state == THREAD_DEAD && t != thread_current()) {
			*pp = t->group_next;
			t->group_next = list;
			list = t;
		} else {
			pp = &t->group_next;
		}
	}
	spin_unlock(&proc_lock);
	while (list) {
		struct thread *t = list;
		list = t->group_next;
		thread_free(t);
	}
}

void proc_reap(struct proc *p)
{
	int pid = p->pid;
	proc_free_dead_threads(p);
	KASSERT(!p->dead);
	proc_remove(p);
	fs_proc_reaped(pid);  /* the zombie's /proc/PID */
}

/* An orphan that has ended, taken off the orphans list, or NULL. */
static struct proc *take_dead_orphan(void)
{
	struct list_node *n;
	struct proc *found = NULL;
	spin_lock(&proc_lock);
	list_for_each(n, &orphans) {
		struct proc *c = list_entry(n, struct proc, sibling);
		if (c->state == PROC_ZOMBIE) {
			list_del(n);
			found = c;
			break;
		}
	}
	spin_unlock(&proc_lock);
	return found;
}

void proc_reap_orphans(void)
{
	struct proc *c;
	while ((c = take_dead_orphan()))
		proc_reap(c);
}

void proc_make_orphan(struct proc *p)
{
	spin_lock(&proc_lock);
	p->parent = NULL;
	p->orphan = true;
	list_move_tail(&orphans, &p->sibling);
	spin_unlock(&proc_lock);
}

struct proc *proc_create(struct proc *parent, int *err)
{
	proc_reap_orphans();
	struct proc *p = kzalloc(sizeof(*p));
	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	list_init(&p->all);
	list_init(&p->sibling);
	list_init(&p->children);
	*err = pid_alloc_proc(p);
	if (*err) {
		kfree(p);
		return NULL;
	}
	p->parent = parent;
	p->trace = parent ? parent->trace : 0;
	resource_init(p, parent);
	/* A child starts in its parent's group and session; a process the
	 * kernel starts leads its own. */
	pid_set_groups(p, parent ? parent->pgid : p->pid,
		       parent ? parent->sid : p->pid);
	p->state = PROC_EMBRYO;
	p->exit_signal = SIGCHLD;
	spin_lock(&proc_lock);
	list_add_tail(&proc_all, &p->all);
	if (parent)
		list_add_tail(&parent->children, &p->sibling);
	spin_unlock(&proc_lock);
	return p;
}

static void proc_remove(struct proc *p)
{
	signal_proc_free(p);
	spin_lock(&proc_lock);
	KASSERT(list_empty(&p->children));  /* given away at its end */
	list_del(&p->all);
	list_del(&p->sibling);
	pid_release_proc(p);
	spin_unlock(&proc_lock);
	kfree(p);
}

void proc_discard(struct proc *p)
{
	KASSERT(p->state == PROC_EMBRYO);
	fs_proc_exit(p);
	if (p->as)
		as_put(p->as);
	proc_remove(p);
}

int proc_add_thread(struct proc *p, struct thread *t)
{
	int r = 0;
	spin_lock(&proc_lock);
	if (p->group_exit || thread_current()->must_exit) {
		r = -EINTR;  /* it is ending: no new threads */
		goto out;
	}
	t->group_next = p->threads;
	p->threads = t;
	p->nthreads++;
	p->state = PROC_LIVE;
out:
	spin_unlock(&proc_lock);
	return r;
}

int proc_start(struct proc *p, uint32_t entry, uint32_t user_sp)
{
	struct thread *t = thread_create_user(p, p->pid, entry, user_sp);
	if (!t)
		return -ENOMEM;
	p->threads = t;  /* a new process: nobody else sees it yet */
	p->nthreads = 1;
	p->state = PROC_LIVE;
	thread_start(t);
	return 0;
}

void proc_set_init(struct proc *p)
{
	init_proc = p;
}

/* Where those who wait for p sleep. proc_lock held. */
static struct waitq *waiters_of(struct proc *p)
{
	return p->parent ? &p->parent->child_exit : &kernel_waiters;
}

/* p is ending: init adopts its children (as on Unix), or, with no init,
 * they become orphans the kernel frees when they end. proc_lock held. */
static void give_away_children(struct proc *p)
{
	struct proc *heir = init_proc && init_proc != p &&
			    init_proc->state == PROC_LIVE ? init_proc : NULL;
	struct list_node *n, *tmp;
	list_for_each_safe(n, tmp, &p->children) {
		struct proc *c = list_entry(n, struct proc, sibling);
		c->parent = heir;
		c->creator = heir ? heir->pid : 0;
		c->orphan = !heir;
		list_move_tail(heir ? &heir->children : &orphans, n);
		if (heir && c->state == PROC_ZOMBIE)
			waitq_wake_all(&heir->child_exit);  /* one for init to reap */
	}
}

/* The calling thread, the last of p, ends the process. */
static void proc_teardown(struct proc *p)
{
	/* Leave the address space before freeing it; the kernel half is the
	 * same everywhere, so this thread's stack stays reachable. */
	time_proc_exit(p);  /* its faults, for its parent */
	as_switch(NULL);
	as_put(p->as);  /* freed unless a vfork parent shares it */
	p->as = NULL;
	fs_proc_exit(p);
	proc_vfork_release(p);
	if (p->pid == p->sid)  /* a session leader: its terminal is free */
		console_session_ended(p->sid);
	spin_lock(&proc_lock);
	give_away_children(p);
	p->state = PROC_ZOMBIE;
	waitq_wake_all(waiters_of(p));
	itimer_exit(p);
	/* The parent's SIGCHLD (its exit_signal); one that ignores SIGCHLD
	 * or asked SA_NOCLDWAIT leaves the zombie to the kernel. */
	signal_notify_exit(p, p->wait_status);
	if (signal_parent_autoreaps(p->parent)) {
		p->parent = NULL;
		p->orphan = true;
		list_move_tail(&orphans, &p->sibling);
	}
	spin_unlock(&proc_lock);
}

/* Take me off p's live list and put it on the dead one. Returns true if
 * it was the last. proc_lock held. */
static bool unlink_thread(struct proc *p, struct thread *me)
{
	for (struct thread **pp = &p->threads; *pp; pp = &(*pp)->group_next) {
		if (*pp == me) {
			*pp = me->group_next;
			break;
		}
	}
	me->group_next = p->dead;
	p->dead = me;
	time_thread_exit(p, me);  /* its CPU time stays the process's */
	pid_detach_thread(me);  /* tkill and tgkill no longer find it */
	/* Its children now belong to a thread that lives on (__WNOTHREAD). */
	struct list_node *n;
	list_for_each(n, &p->children) {
		struct proc *c = list_entry(n, struct proc, sibling);
		if (p->threads && c->creator == me->tid)
			c->creator = p->threads->tid;
	}
	waitq_wake_all(&p->thread_exit);  /* a de_thread() waits for this */
	return --p->nthreads == 0;
}

void proc_exit_thread(int status)
{
	struct thread *me = thread_current();
	struct proc *p = me->proc;
	KASSERT(p);
	futex_exit_robust_list();  /* robust mutexes it still holds */
	if (me->clear_child_tid && p->nthreads > 1) {
		/* Tell the C library (pthread_join), as Linux's mm_release()
		 * does while others still use the memory; faults ignored. */
		uint32_t zero = 0;
		copy_to_user((void *)me->clear_child_tid, &zero, sizeof(zero));
		futex_wake_one(me->clear_child_tid);
	}
	signal_thread_free(me);
	spin_lock(&proc_lock);
	bool last = unlink_thread(p, me);
	if (last && !p->group_exit) {
		/* As Linux (since 5.19): the last thread to exit() without
		 * an exit_group gives the process its status. */
		p->group_exit = true;
		p->wait_status = status;
	}
	spin_unlock(&proc_lock);
	if (last)
		proc_teardown(p);
	thread_exit();  /* freed by proc_free_dead_threads() */
}

/* Tell every thread of p but me to exit on its way to user mode, and
 * wake it from any interruptible sleep or a stop. proc_lock held. */
static void end_other_threads(struct proc *p, struct thread *me)
{
	for (struct thread *t = p->threads; t; t = t->group_next) {
		if (t != me) {
			t->must_exit = true;
			thread_kick(t);
		}
	}
	waitq_wake_all(&p->sig.stop_wq);  /* stopped threads must go too */
}

void proc_exit_group(int status)
{
	struct thread *me = thread_current();
	struct proc *p = me->proc;
	spin_lock(&proc_lock);
	if (!p->group_exit) {
		p->group_exit = true;
		p->wait_status = status;
	}
	end_other_threads(p, me);
	spin_unlock(&proc_lock);
	proc_exit_thread(status);
}

int proc_de_thread(void)
{
	struct thread *me = thread_current();
	struct proc *p = me->proc;
	int r = 0;
	spin_lock(&proc_lock);
	end_other_threads(p, me);
	while (p->nthreads > 1 && !p->group_exit && !me->must_exit) {
		r = waitq_sleep(&p->thread_exit, &proc_lock, 0, WAIT_INTERRUPTIBLE);
		if (r && !me->must_exit) {
			/* Only a signal: it waits for the exec. Let the
			 * others run to their end, then look again. */
			spin_unlock(&proc_lock);
			thread_yield();
			spin_lock(&proc_lock);
		}
	}
	r = p->group_exit || me->must_exit ? -EINTR : 0;
	if (!r && me->tid != p->pid)
		pid_move_thread(me, p->pid);  /* the leader's tid, as Linux */
	spin_unlock(&proc_lock);
	if (!r)
		proc_free_dead_threads(p);
	return r;
}

void proc_return_to_user(void)
{
	struct thread *me = thread_current();
	if (me->must_exit)
		proc_exit_thread(0);  /* the group's status is already set */
}

int proc_count_user(uint32_t uid)
{
	int n = 0;
	struct list_node *pos;
	spin_lock(&proc_lock);
	list_for_each(pos, &proc_all)
		n += list_entry(pos, struct proc, all)->res.cred.uid == uid;
	spin_unlock(&proc_lock);
	return n;
}

int proc_count(void)
{
	return pid_nr_procs();
}

struct proc *proc_find(int pid)
{
	spin_lock(&proc_lock);
	struct proc *p = pid_proc(pid);
	if (p && p->state == PROC_EMBRYO)
		p = NULL;
	spin_unlock(&proc_lock);
	return p;
}

void proc_for_each(void (*fn)(struct proc *p, void *arg), void *arg)
{
	struct list_node *pos;
	spin_lock(&proc_lock);
	list_for_each(pos, &proc_all) {
		struct proc *p = list_entry(pos, struct proc, all);
		if (p->state != PROC_EMBRYO)
			fn(p, arg);
	}
	spin_unlock(&proc_lock);
}

struct thread *proc_find_thread(int tid, int tgid)
{
	spin_lock(&proc_lock);
	struct thread *t = pid_thread(tid);
	if (t && (!t->proc || t->proc->state != PROC_LIVE ||
		  (tgid > 0 && t->proc->pid != tgid)))
		t = NULL;  /* a kernel thread, or not of tgid */
	spin_unlock(&proc_lock);
	return t;
}
