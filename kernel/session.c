/* kernel/session.c: process groups and sessions: the five system calls
 * and signals to a whole group. */
#include "kernel/session.h"

#include "kernel/arch/x86/cpu.h"
#include "kernel/pid.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/uapi/errno.h"

struct pgrp_walk {
	int pgid, sid, sig, found;
	const siginfo_t *info;
};

static void pgrp_one(struct proc *p, void *arg)
{
	struct pgrp_walk *w = arg;
	if (p->pgid != w->pgid || (w->sid && p->sid != w->sid))
		return;
	w->found++;
	if (w->sig)
		signal_send(p, w->sig, w->info);
}

int session_kill_pgrp(int pgid, int sig, const siginfo_t *info)
{
	struct pgrp_walk w = { pgid, 0, sig, 0, info };
	if (pgid <= 0)
		return -ESRCH;
	proc_for_each(pgrp_one, &w);
	return w.found ? 0 : -ESRCH;
}

bool session_pgrp_exists(int pgid, int sid)
{
	struct pgrp_walk w = { pgid, sid, 0, 0, NULL };
	proc_for_each(pgrp_one, &w);
	return w.found != 0;
}

/* setpgid(pid, pgid): move pid (0: the caller), the caller or a child
 * of it that has not exec'd, into group pgid (0: its own id) of the same
 * session. Linux's errnos: EINVAL, ESRCH, EACCES, EPERM. */
long sys_setpgid(uint32_t upid, uint32_t upgid, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	struct proc *me = proc_current();
	int pid = (int)upid ? (int)upid : me->pid;
	int pgid = (int)upgid ? (int)upgid : pid;
	if ((int)upgid < 0)
		return -EINVAL;
	struct proc *p = proc_find(pid);
	if (!p || (p != me && p->parent != me))
		return -ESRCH;
	if (p != me && p->did_exec)
		return -EACCES;
	if (p->sid == p->pid || p->sid != me->sid)
		return -EPERM;  /* a session leader, or another session */
	if (pgid != pid && !session_pgrp_exists(pgid, me->sid))
		return -EPERM;
	pid_set_groups(p, pgid, p->sid);
	return 0;
}

long sys_getpgid(uint32_t upid, uint32_t a2, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	struct proc *p = (int)upid ? proc_find((int)upid) : proc_current();
	return p ? p->pgid : -ESRCH;
}

long sys_getpgrp(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		 uint32_t a5, uint32_t a6)
{
	return proc_current()->pgid;
}

long sys_getsid(uint32_t upid, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct proc *p = (int)upid ? proc_find((int)upid) : proc_current();
	return p ? p->sid : -ESRCH;
}

/* setsid(): a new session and group led by the caller, with no
 * controlling terminal; EPERM if a group already has its id. */
long sys_setsid(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct proc *me = proc_current();
	if (session_pgrp_exists(me->pid, 0))
		return -EPERM;
	pid_set_groups(me, me->pid, me->pid);
	return me->sid;
}
