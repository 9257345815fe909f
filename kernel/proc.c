/* kernel/proc.c: the process table, exit, wait, and killing a process for
 * a fault it took. */
#include "kernel/proc.h"

#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/panic.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/signal.h"
#include "mm/as.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"

static struct proc *procs[PROC_MAX];  /* live, embryo and zombie processes */
static int next_pid = 1;
static struct proc *init_proc;       /* adopts orphans; NULL in test runs */

static void proc_remove(struct proc *p);

/* Free a zombie whose thread has switched away for good. */
static void reap(struct proc *p)
{
	thread_free(p->thread);
	proc_remove(p);
}

/* Orphans that ended with no one to wait for them: the kernel frees them
 * whenever it next creates or waits for a process. */
static void reap_orphans(void)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] && procs[i]->orphan && procs[i]->state == PROC_ZOMBIE)
			reap(procs[i]);
}

struct proc *proc_create(struct proc *parent, int *err)
{
	reap_orphans();
	int slot = 0;
	while (slot < PROC_MAX && procs[slot])
		slot++;
	if (slot == PROC_MAX) {
		*err = -EAGAIN;
		return NULL;
	}
	struct proc *p = kzalloc(sizeof(*p));
	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	p->pid = next_pid++;
	p->parent = parent;
	p->state = PROC_EMBRYO;
	procs[slot] = p;
	return p;
}

static void proc_remove(struct proc *p)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] == p)
			procs[i] = NULL;
	kfree(p);
}

void proc_discard(struct proc *p)
{
	KASSERT(p->state == PROC_EMBRYO);
	if (p->as)
		as_destroy(p->as);
	proc_remove(p);
}

int proc_start(struct proc *p, uint32_t entry, uint32_t user_sp)
{
	p->thread = thread_create_user(p, entry, user_sp);
	if (!p->thread)
		return -ENOMEM;
	p->state = PROC_LIVE;
	thread_start(p->thread);
	return 0;
}

struct proc *proc_current(void)
{
	return thread_current()->proc;
}

void proc_set_init(struct proc *p)
{
	init_proc = p;
}

/* p is ending: init adopts its children (as on Unix), or, with no init,
 * they become orphans the kernel frees when they end. */
static void give_away_children(struct proc *p)
{
	struct proc *heir = init_proc && init_proc != p &&
			    init_proc->state == PROC_LIVE ? init_proc : NULL;
	for (int i = 0; i < PROC_MAX; i++) {
		struct proc *c = procs[i];
		if (!c || c->parent != p)
			continue;
		c->parent = heir;
		c->orphan = !heir;
		if (heir && c->state == PROC_ZOMBIE)
			thread_wake(heir->thread);  /* a zombie for init to reap */
	}
}

void proc_exit(int status)
{
	struct proc *p = proc_current();
	KASSERT(p);
	/* Leave the address space before freeing it; the kernel half is the
	 * same everywhere, so this thread's stack stays reachable. */
	if (p->clear_child_tid) {  /* CLONE_CHILD_CLEARTID: tell the C library */
		uint32_t zero = 0;
		copy_to_user((void *)p->clear_child_tid, &zero, sizeof(zero));
	}
	as_switch(NULL);
	as_destroy(p->as);
	p->as = NULL;
	give_away_children(p);
	p->wait_status = status;
	p->state = PROC_ZOMBIE;
	if (p->waiter)
		thread_wake(p->waiter);          /* the kernel, in proc_wait() */
	if (p->parent)
		thread_wake(p->parent->thread);  /* its parent, maybe in wait4() */
	thread_exit();
}

static struct proc *find_child(struct proc *me, int pid);

#define CSIGNAL              0x000000ffu
#define CLONE_PARENT_SETTID  0x00100000u
#define CLONE_CHILD_CLEARTID 0x00200000u
#define CLONE_CHILD_SETTID   0x01000000u

int proc_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
	       uint32_t child_tid)
{
	if (flags & ~(CSIGNAL | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID |
		      CLONE_CHILD_SETTID))
		return -EINVAL;  /* sharing anything means threads: not yet */
	int pid = proc_fork();
	if (pid < 0)
		return pid;
	struct proc *child = find_child(proc_current(), pid);
	if (newsp)
		thread_user_frame(child->thread)->user_esp = newsp;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = child_tid;
	if (flags & CLONE_CHILD_SETTID) {
		/* The child has not run: write into its memory from here. */
		as_switch(child->as);
		copy_to_user((void *)child_tid, &pid, sizeof(pid));
		as_switch(proc_current()->as);
	}
	if ((flags & CLONE_PARENT_SETTID) &&
	    copy_to_user((void *)parent_tid, &pid, sizeof(pid)))
		return -EFAULT;
	return pid;
}

int proc_fork(void)
{
	struct proc *parent = proc_current();
	int err;
	struct proc *child = proc_create(parent, &err);
	if (!child)
		return err;
	child->as = as_fork(parent->as);
	struct thread *t = child->as ? thread_create_user(child, 0, 0) : NULL;
	if (!t) {
		proc_discard(child);
		return -ENOMEM;
	}
	memcpy(child->name, parent->name, sizeof(child->name));
	child->capture = parent->capture;
	/* The child returns from the same fork(), with 0. */
	*thread_user_frame(t) = *thread_user_frame(parent->thread);
	thread_user_frame(t)->eax = 0;
	thread_copy_fpu(t);
	memcpy(t->tls, parent->thread->tls, sizeof(t->tls));
	child->thread = t;
	child->state = PROC_LIVE;
	thread_start(t);
	return child->pid;
}

/* A child of me that pid selects, preferring one that has ended; NULL if
 * there is none at all. */
static struct proc *find_child(struct proc *me, int pid)
{
	struct proc *found = NULL;
	for (int i = 0; i < PROC_MAX; i++) {
		struct proc *c = procs[i];
		if (!c || c->parent != me || (pid > 0 && c->pid != pid))
			continue;
		if (c->state == PROC_ZOMBIE)
			return c;
		found = c;
	}
	return found;
}

long proc_wait4(int pid, int *ustatus, int options, void *urusage)
{
	static const uint32_t zero_rusage[18];  /* struct rusage on i386 */
	struct proc *me = proc_current(), *c;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	while ((c = find_child(me, pid)) && c->state != PROC_ZOMBIE) {
		if (options & WNOHANG)
			return 0;
		thread_block();  /* a child's exit wakes us; recheck */
	}
	if (!c)
		return -ECHILD;
	int child_pid = c->pid, status = c->wait_status;
	reap(c);  /* as Linux: reaped even if the status cannot be stored */
	if ((ustatus && copy_to_user(ustatus, &status, sizeof(status))) ||
	    (urusage && copy_to_user(urusage, zero_rusage, sizeof(zero_rusage))))
		return -EFAULT;
	return child_pid;
}

void proc_forget_capture(struct proc_capture *cap)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] && procs[i]->capture == cap)
			procs[i]->capture = NULL;
}

void proc_kill_fault(const struct trapframe *tf, int signal, vaddr_t addr)
{
	struct proc *p = proc_current();
	if (tf->vector == T_PAGE_FAULT)
		pr_info("pid %d (%s): %s at %08x ip %08x error %x\n", p->pid,
			p->name, signal == SIGKILL ? "out of memory" : "segfault",
			addr, tf->eip, tf->err);
	else
		pr_info("pid %d (%s): trap %s ip %08x sp %08x error %x\n", p->pid,
			p->name, trap_name(tf->vector), tf->eip, tf->user_esp,
			tf->err);
	as_dump(p->as, "    ");
	proc_exit(WAIT_SIGNALED(signal));
}

int proc_wait(struct proc *p)
{
	while (p->state != PROC_ZOMBIE) {
		p->waiter = thread_current();
		thread_block();
	}
	int status = p->wait_status;
	reap(p);
	reap_orphans();
	return status;
}

int proc_count(void)
{
	int n = 0;
	for (int i = 0; i < PROC_MAX; i++)
		n += procs[i] != NULL;
	return n;
}
