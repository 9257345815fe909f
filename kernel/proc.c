/* kernel/proc.c: the process table, exit, wait, and killing a process for
 * a fault it took. */
#include "kernel/proc.h"

#include "kernel/arch/x86/trap.h"
#include "kernel/console.h"
#include "kernel/panic.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/signal.h"
#include "mm/as.h"
#include "mm/kheap.h"

static struct proc *procs[PROC_MAX];  /* live, embryo and zombie processes */
static int next_pid = 1;

struct proc *proc_create(struct proc *parent, int *err)
{
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

void proc_exit(int status)
{
	struct proc *p = proc_current();
	KASSERT(p);
	/* Leave the address space before freeing it; the kernel half is the
	 * same everywhere, so this thread's stack stays reachable. */
	as_switch(NULL);
	as_destroy(p->as);
	p->as = NULL;
	/* Children are created only by the kernel so far; with fork, orphans
	 * will be handed to init here. */
	p->wait_status = status;
	p->state = PROC_ZOMBIE;
	if (p->waiter)
		thread_wake(p->waiter);
	thread_exit();
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
	thread_free(p->thread);
	proc_remove(p);
	return status;
}

int proc_count(void)
{
	int n = 0;
	for (int i = 0; i < PROC_MAX; i++)
		n += procs[i] != NULL;
	return n;
}
