/* kernel/proc_wait.c: wait4 and the kernel's own wait for a process:
 * which children a call selects and may see, sleeping until one ends,
 * stop and continue reports, and reaping (kernel/proc.c frees). */
#include "kernel/proc.h"

#include "kernel/lock.h"
#include "kernel/pid.h"
#include "kernel/proc_internal.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/time.h"
#include "kernel/uapi/wait.h"
#include "mm/uaccess.h"

/* Whether wait4 with options, called by thread me, may see child c: as
 * Linux's eligible_child(), a child whose exit signal is not SIGCHLD is
 * seen only with __WCLONE or __WALL (and __WCLONE sees only those);
 * with __WNOTHREAD, only children the calling thread created. */
static bool eligible(const struct proc *c, int options, const struct thread *me)
{
	bool clone_child = c->exit_signal != SIGCHLD;
	if (!(options & __WALL) && clone_child != !!(options & __WCLONE))
		return false;
	return !(options & __WNOTHREAD) || c->creator == me->tid;
}

/* Does wait4's pid select child c of me? */
static bool selects(const struct proc *me, const struct proc *c, int pid)
{
	if (pid > 0)
		return c->pid == pid;
	if (pid == 0)
		return c->pgid == me->pgid;
	return pid == -1 || c->pgid == -pid;
}

/* wait4(pid > 0): the child with that pid, found through the pid hash
 * as Linux's do_wait_pid() does, not by walking the children; NULL if
 * the pid is not a child of me. proc_lock held. */
static struct proc *child_by_pid(struct proc *me, int pid)
{
	struct proc *c = pid_proc(pid);
	return c && c->parent == me ? c : NULL;
}

/* A child of me that pid selects, preferring one that has ended; NULL if
 * there is none at all. proc_lock held. */
static struct proc *find_child(struct proc *me, int pid, int options)
{
	struct thread *t = thread_current();
	if (pid > 0) {
		struct proc *c = child_by_pid(me, pid);
		return c && eligible(c, options, t) ? c : NULL;
	}
	struct proc *found = NULL;
	struct list_node *n;
	list_for_each(n, &me->children) {
		struct proc *c = list_entry(n, struct proc, sibling);
		if (!selects(me, c, pid) || !eligible(c, options, t))
			continue;
		if (c->state == PROC_ZOMBIE)
			return c;
		found = c;
	}
	return found;
}

/* Whether live child c has a stop or continue to report that options
 * asks for (consumed into *status). proc_lock held. */
static bool has_report(struct proc *c, int options, int *status)
{
	return c->state == PROC_LIVE &&
	       (*status = signal_take_report(c, options)) != -1;
}

/* A live child pid selects with a stop or continue to report that
 * options asks for (consumed into *status), or NULL. proc_lock held. */
static struct proc *find_report(struct proc *me, int pid, int options,
				int *status)
{
	if (!(options & (WUNTRACED | WCONTINUED)))
		return NULL;
	if (pid > 0) {
		struct proc *c = child_by_pid(me, pid);
		return c && has_report(c, options, status) ? c : NULL;
	}
	struct list_node *n;
	list_for_each(n, &me->children) {
		struct proc *c = list_entry(n, struct proc, sibling);
		if (selects(me, c, pid) && has_report(c, options, status))
			return c;
	}
	return NULL;
}

/* Sleep until a child pid selects is a zombie: 0 with it in *out, or
 * -ECHILD, or 0 with *out NULL for WNOHANG, or -ERESTARTSYS; or a stop or
 * continue to report: its pid, the status in *report. */
static int wait_for_zombie(struct proc *me, int pid, int options,
			   struct proc **out, int *report)
{
	struct proc *c, *r_child;
	int r = 0;
	*out = NULL;
	spin_lock(&proc_lock);
	while ((c = find_child(me, pid, options)) && c->state != PROC_ZOMBIE) {
		if ((r_child = find_report(me, pid, options, report))) {
			r = r_child->pid;
			goto out;
		}
		if (options & WNOHANG)
			goto out;
		r = waitq_sleep(&me->child_exit, &proc_lock, 0, WAIT_INTERRUPTIBLE);
		if (r) {
			r = -ERESTARTSYS;
			goto out;
		}
	}
	if (!c) {
		r = -ECHILD;
		goto out;
	}
	c->parent = NULL;  /* ours to free: no other thread of me finds it */
	c->orphan = false;
	list_del(&c->sibling);
	*out = c;
out:
	spin_unlock(&proc_lock);
	return r;
}

long proc_wait4(int pid, int *ustatus, int options, void *urusage)
{
	static const struct rusage32 zero_rusage;
	struct proc *c;

	if ((unsigned)options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
				  __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;  /* as Linux: -INT_MIN is not a process group */
	int report;
	int r = wait_for_zombie(proc_current(), pid, options, &c, &report);
	if (r > 0)  /* a stop or a continue */
		return (ustatus &&
			copy_to_user(ustatus, &report, sizeof(report))) ||
		       (urusage &&
			copy_to_user(urusage, &zero_rusage, sizeof(zero_rusage)))
		       ? -EFAULT : r;
	if (r || !c)
		return r;
	int child_pid = c->pid, status = c->wait_status;
	struct usage u;  /* the child's and its reaped children's */
	time_reap_child(proc_current(), c, &u);
	struct rusage32 ru;
	time_fill_rusage(&ru, &u);
	proc_reap(c);  /* as Linux: reaped even if the status cannot be stored */
	if ((ustatus && copy_to_user(ustatus, &status, sizeof(status))) ||
	    (urusage && copy_to_user(urusage, &ru, sizeof(ru))))
		return -EFAULT;
	return child_pid;
}

int proc_wait(struct proc *p)
{
	spin_lock(&proc_lock);
	while (p->state != PROC_ZOMBIE)
		waitq_sleep(&kernel_waiters, &proc_lock, 0, 0);
	int status = p->wait_status;
	spin_unlock(&proc_lock);
	proc_reap(p);
	proc_reap_orphans();
	return status;
}
