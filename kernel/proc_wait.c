/* kernel/proc_wait.c: wait4, waitid and the kernel's own wait for a process:
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
#include "kernel/uapi/signal.h"
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
 * there is none at all. A child that has ended counts only for a wait
 * that asks for ends (WEXITED): as on Linux, waitid(WSTOPPED) with only
 * a zombie child left is ECHILD. proc_lock held. */
static struct proc *find_child(struct proc *me, int pid, int options)
{
	struct thread *t = thread_current();
	bool ends = options & WEXITED;
	if (pid > 0) {
		struct proc *c = child_by_pid(me, pid);
		return c && eligible(c, options, t) &&
		       (ends || c->state != PROC_ZOMBIE) ? c : NULL;
	}
	struct proc *found = NULL;
	struct list_node *n;
	list_for_each(n, &me->children) {
		struct proc *c = list_entry(n, struct proc, sibling);
		if (!selects(me, c, pid) || !eligible(c, options, t) ||
		    (!ends && c->state == PROC_ZOMBIE))
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

/* What a wait found: a child that ended or one with a stop or continue
 * to report. */
struct wait_event {
	int pid, status;      /* the child's pid; a Linux wait status */
	uint32_t uid;         /* its real user id (waitid's si_uid) */
	struct proc *reaped;  /* an ended child, detached: the caller reaps
				 it (NULL for a report, or with WNOWAIT) */
	struct usage usage;   /* the child's and its reaped children's: all of
				 it for an ended child, so far for a report */
};

/* Sleep until a child pid selects has something options asks for: it
 * ended (WEXITED, which wait4 always asks for) or has a stop or continue
 * to report (WUNTRACED, WCONTINUED). 1 with *ev filled; 0 at once with
 * WNOHANG if nothing is there yet; -ECHILD if no child is selected at
 * all; -ERESTARTSYS if a signal came. WNOWAIT leaves what it reports
 * for the next wait. */
static int wait_for_event(struct proc *me, int pid, int options,
			  struct wait_event *ev)
{
	int r = 0;
	spin_lock(&proc_lock);
	for (;;) {
		struct proc *c = find_child(me, pid, options);
		if (!c) {
			r = -ECHILD;
			break;
		}
		if (c->state == PROC_ZOMBIE && (options & WEXITED)) {
			*ev = (struct wait_event){ c->pid, c->wait_status,
						   c->res.cred.uid, NULL, { 0 } };
			if (options & WNOWAIT) {  /* reaping will not count it */
				time_child_usage(c, &ev->usage);
			} else {
				c->parent = NULL;  /* ours to free: no other
						      thread of me finds it */
				c->orphan = false;
				list_del(&c->sibling);
				ev->reaped = c;
			}
			r = 1;
			break;
		}
		int report;
		if ((c = find_report(me, pid, options, &report))) {
			*ev = (struct wait_event){ c->pid, report,
						   c->res.cred.uid, NULL, { 0 } };
			time_child_usage(c, &ev->usage);  /* as Linux */
			r = 1;
			break;
		}
		if (options & WNOHANG)
			break;
		if (waitq_sleep(&me->child_exit, &proc_lock, 0, WAIT_INTERRUPTIBLE)) {
			r = -ERESTARTSYS;
			break;
		}
	}
	spin_unlock(&proc_lock);
	return r;
}

/* The end of a wait that found ev: an ended child is reaped, its usage
 * added to the caller's children's; *ru gets the child's usage (for a
 * stop or continue, its usage so far, which is added to nothing). */
static void finish(struct wait_event *ev, struct rusage32 *ru)
{
	if (ev->reaped) {
		time_reap_child(proc_current(), ev->reaped, &ev->usage);
		proc_reap(ev->reaped);
	}
	time_fill_rusage(ru, &ev->usage);
}

long proc_wait4(int pid, int *ustatus, int options, void *urusage)
{
	if ((unsigned)options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
				  __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;  /* as Linux: -INT_MIN is not a process group */
	struct wait_event ev;
	int r = wait_for_event(proc_current(), pid, options | WEXITED, &ev);
	if (r <= 0)
		return r;
	struct rusage32 ru;
	finish(&ev, &ru);  /* as Linux: reaped even if the status cannot be stored */
	if ((ustatus && copy_to_user(ustatus, &ev.status, sizeof(ev.status))) ||
	    (urusage && copy_to_user(urusage, &ru, sizeof(ru))))
		return -EFAULT;
	return ev.pid;
}

/* idtype and id as wait4's pid selector, or a negative errno. */
static int waitid_selector(int idtype, int id, int *pid)
{
	switch (idtype) {
	case P_ALL:
		*pid = -1;
		return 0;
	case P_PID:
		*pid = id;
		return id > 0 ? 0 : -EINVAL;
	case P_PGID:  /* 0: the caller's own group, as wait4(0) */
		*pid = -id;
		return id >= 0 ? 0 : -EINVAL;
	case P_PIDFD:
		return -EBADF;  /* no descriptor is a pidfd here */
	default:
		return -EINVAL;
	}
}

long proc_waitid(int idtype, int id, void *uinfo, int options,
		 void *urusage)
{
	struct wait_event ev = { 0 };
	int pid, r = waitid_selector(idtype, id, &pid);
	if ((unsigned)options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED |
				  WCONTINUED | __WNOTHREAD | __WALL | __WCLONE) ||
	    !(options & (WEXITED | WSTOPPED | WCONTINUED)))
		r = -EINVAL;
	if (!r)
		r = wait_for_event(proc_current(), pid, options, &ev);
	if (r > 0) {
		struct rusage32 ru;
		finish(&ev, &ru);  /* reaped even if what follows faults */
		if (urusage && copy_to_user(urusage, &ru, sizeof(ru)))
			return -EFAULT;
	}
	if (!uinfo)
		return r > 0 ? 0 : r;
	/* As Linux, the six fields are written whatever happened (zeros
	 * when no child was found, or on an error), the rest left alone. */
	int code = 0, value = 0;
	if (r > 0)
		signal_status_to_code(ev.status, &code, &value);
	int32_t head[3] = { r > 0 ? SIGCHLD : 0, 0, code };
	uint32_t body[3] = { (uint32_t)ev.pid, ev.uid, (uint32_t)value };
	if (copy_to_user(uinfo, head, sizeof(head)) ||
	    copy_to_user((char *)uinfo + offsetof(siginfo_t, si_pid), body,
			 sizeof(body)))
		return -EFAULT;
	return r > 0 ? 0 : r;
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
