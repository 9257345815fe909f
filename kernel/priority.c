/* kernel/priority.c: getpriority and setpriority, the calls behind
 * nice(1), renice and nice(3). Each thread has a nice value, -20 (the
 * most CPU) to 19 (the least), 0 at first; fork and clone copy the
 * caller's, exec keeps it. The scheduler turns it into the length of the
 * thread's time slice (kernel/preempt.c). As on Linux, PRIO_PROCESS names
 * one thread by its id, PRIO_PGRP every thread of a process group,
 * PRIO_USER every thread of a real user's processes; who 0 is the
 * caller's own. Anyone may lower their own threads' priority (raise the
 * nice value); raising it needs root or RLIMIT_NICE. */
#include "kernel/proc.h"
#include "kernel/resource.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"

/* Which threads a call names, and what it found. */
struct prio_walk {
	int which;
	uint32_t who;
	int nice;        /* setpriority: the value to set */
	bool set;
	long result;     /* getpriority: the best 20 - nice; setpriority:
			    as Linux's, -ESRCH until a thread matched */
	const struct cred *me;
	bool root;
};

static bool selects(const struct prio_walk *w, const struct proc *p,
		    const struct thread *t)
{
	switch (w->which) {
	case PRIO_PROCESS: return (uint32_t)t->tid == w->who;
	case PRIO_PGRP: return (uint32_t)p->pgid == w->who;
	default: return p->res.cred.uid == w->who;  /* PRIO_USER */
	}
}

/* Linux's set_one_prio: the caller must own the target (its real or
 * effective uid is the caller's effective uid) or be root; only root, or
 * a target whose RLIMIT_NICE allows it, gets a lower nice value. An
 * error sticks; a success after one does not clear it. */
static void set_one(struct prio_walk *w, struct proc *p, struct thread *t)
{
	const struct cred *c = &p->res.cred;
	if (!w->root && c->uid != w->me->euid && c->euid != w->me->euid) {
		w->result = -EPERM;
		return;
	}
	if (w->nice < t->nice && !w->root &&
	    (uint64_t)(20 - w->nice) > rlimit_cur(p, RLIMIT_NICE)) {
		w->result = -EACCES;
		return;
	}
	if (w->result == -ESRCH)
		w->result = 0;
	t->nice = w->nice;  /* the next slice it gets is the new length */
}

static void visit(struct proc *p, void *arg)
{
	struct prio_walk *w = arg;
	if (p->state != PROC_LIVE)
		return;
	for (struct thread *t = p->threads; t; t = t->group_next) {
		if (!selects(w, p, t))
			continue;
		if (w->set)
			set_one(w, p, t);
		else if (20 - t->nice > w->result)
			w->result = 20 - t->nice;
	}
}

static int start(struct prio_walk *w, uint32_t which, uint32_t who)
{
	if (which > PRIO_USER)
		return -EINVAL;
	struct proc *me = proc_current();
	w->which = (int)which;
	w->who = who;
	w->me = &me->res.cred;
	w->root = me->res.cred.euid == 0;
	if (who == 0)
		w->who = which == PRIO_PROCESS ? (uint32_t)thread_current()->tid :
			 which == PRIO_PGRP ? (uint32_t)me->pgid : me->res.cred.uid;
	return 0;
}

/* getpriority(which, who): 20 - the lowest nice value among the threads
 * named (1..40, so that no answer looks like an error), or -ESRCH. */
long sys_getpriority(uint32_t which, uint32_t who, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	struct prio_walk w = { .result = -ESRCH };
	int err = start(&w, which, who);
	if (err)
		return err;
	proc_for_each(visit, &w);
	return w.result;
}

/* setpriority(which, who, nice): nice is clamped to -20..19 first. */
long sys_setpriority(uint32_t which, uint32_t who, uint32_t nice, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	int n = (int)nice;
	struct prio_walk w = { .result = -ESRCH, .set = true,
			       .nice = n < NICE_MIN ? NICE_MIN :
				       n > NICE_MAX ? NICE_MAX : n };
	int err = start(&w, which, who);
	if (err)
		return err;
	proc_for_each(visit, &w);
	return w.result;
}
