/* kernel/clone.c: fork() and clone(): a new process (a copy-on-write copy
 * of the caller's, with one thread) or a new thread of the caller's
 * process. Both start as a copy of the calling thread's user registers
 * with eax 0, so they return from the same system call. docs/threads.md
 * draws it. */
#include "kernel/proc.h"

#include "fs/fs.h"
#include "kernel/arch/x86/tls.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/string.h"
#include "kernel/lock.h"
#include "kernel/pid.h"
#include "kernel/resource.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/sched.h"
#include "kernel/uapi/signal.h"
#include "mm/as.h"
#include "mm/uaccess.h"

/* Flags pagoda honours, or accepts and ignores as Linux may (no ptrace,
 * no System V semaphores, no I/O contexts). */
#define CLONE_KNOWN (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES |        \
		     CLONE_SIGHAND | CLONE_PTRACE | CLONE_PARENT |          \
		     CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |          \
		     CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID |           \
		     CLONE_DETACHED | CLONE_UNTRACED | CLONE_CHILD_SETTID | \
		     CLONE_IO | CLONE_VFORK)

/* Linux's checks in copy_process(), in its order, then what pagoda does
 * not do. Returns 0 or -EINVAL. */
static int check_flags(uint32_t flags)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS) ||
	    (flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_PARENT) && proc_current()->pid == 1)
		return -EINVAL;  /* Linux: init (SIGNAL_UNKILLABLE) may not */
	if ((flags & CLONE_THREAD) && (flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return -EINVAL;
	/* Not in pagoda: namespaces (as a Linux built without them), pidfds;
	 * two processes share an address space only the vfork way, the
	 * parent asleep until the child execs or exits. */
	if (flags & ~CLONE_KNOWN)
		return -EINVAL;
	if ((flags & (CLONE_VM | CLONE_THREAD | CLONE_VFORK)) == CLONE_VM)
		return -EINVAL;
	/* A thread shares its process's descriptor table and cwd: it cannot
	 * have its own. Without CLONE_THREAD these stay per process (the
	 * descriptor table is copied by fork: see copy_files below). */
	if ((flags & CLONE_THREAD) && (~flags & (CLONE_FS | CLONE_FILES)))
		return -EINVAL;
	if (!(flags & CLONE_THREAD) && (flags & (CLONE_FS | CLONE_FILES)))
		return -EINVAL;
	return 0;
}

/* The part of a new thread t that is a copy of the calling thread me:
 * user registers (eax 0: it returns 0 from clone), stack, x87/SSE state,
 * TLS entries; then CLONE_SETTLS. Returns 0 or tls_set()'s error. */
static int copy_thread(struct thread *t, struct thread *me, uint32_t flags,
		       uint32_t newsp, uint32_t tls)
{
	*thread_user_frame(t) = *thread_user_frame(me);
	thread_user_frame(t)->eax = 0;
	if (newsp)
		thread_user_frame(t)->user_esp = newsp;
	thread_copy_fpu(t);
	memcpy(t->tls, me->tls, sizeof(t->tls));
	if (flags & CLONE_SETTLS)
		return (int)tls_set(t, (void *)tls, false);
	return 0;
}

/* A thread that never ran. */
static void discard_thread(struct thread *t)
{
	t->state = THREAD_DEAD;
	thread_free(t);
}

/* The tids a new thread t reports, before it runs: CLONE_CHILD_SETTID in
 * its own address space (as Linux's child does on its first run, a fault
 * is ignored), CLONE_PARENT_SETTID in the caller's (Linux ignores a fault
 * there too: the child exists and its tid is the answer). */
static void report_tid(struct proc *child, struct thread *t, uint32_t flags,
		       uint32_t parent_tid, uint32_t child_tid)
{
	int tid = t->tid;
	t->clear_child_tid = flags & CLONE_CHILD_CLEARTID ? child_tid : 0;
	if (flags & CLONE_CHILD_SETTID) {
		struct address_space *mine = as_current();
		as_switch(child->as);
		copy_to_user((void *)child_tid, &tid, sizeof(tid));
		as_switch(mine);
	}
	if (flags & CLONE_PARENT_SETTID)
		copy_to_user((void *)parent_tid, &tid, sizeof(tid));
}

/* CLONE_THREAD: a new thread in the caller's process. */
static long new_thread(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
		       uint32_t tls, uint32_t child_tid)
{
	struct thread *me = thread_current();
	struct proc *p = me->proc;
	proc_free_dead_threads(p);  /* threads that exited since the last */
	if (pid_nr_threads() >= pid_max_threads())
		return -EAGAIN;  /* as Linux: max_threads, even for root */
	struct thread *t = thread_create_user(p, 0, 0, 0);
	if (!t)
		return -ENOMEM;
	int err = copy_thread(t, me, flags, newsp, tls);
	if (!err)
		err = proc_add_thread(p, t);
	if (err) {
		discard_thread(t);
		return err;
	}
	/* The caller's signal mask; as Linux, a thread sharing the memory
	 * does not inherit the alternate signal stack. */
	signal_fork_thread(t);
	t->sig.altstack_sp = t->sig.altstack_size = t->sig.altstack_flags = 0;
	report_tid(p, t, flags, parent_tid, child_tid);
	thread_start(t);
	return t->tid;
}

/* Without CLONE_THREAD: a new process with one thread, a copy of the
 * calling one, and a copy-on-write copy of the caller's memory, or, with
 * CLONE_VM | CLONE_VFORK, the caller's memory itself while the caller
 * sleeps until the child execs or exits. */
static long new_process(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
			uint32_t tls, uint32_t child_tid)
{
	struct thread *me = thread_current();
	struct proc *p = me->proc;
	struct proc *parent = flags & CLONE_PARENT ? p->parent : p;
	int err = resource_may_fork(p);  /* RLIMIT_NPROC */
	if (err)
		return err;
	struct proc *child = proc_create(parent, &err);
	if (!child)
		return err;
	if (parent != p)  /* proc_create copied the parent's */
		resource_init(child, p);  /* the caller's ids and limits */
	if (flags & CLONE_VM) {  /* vfork: the same memory */
		child->as = p->as;
		as_get(child->as);
	} else {
		child->as = as_fork(p->as);
	}
	struct thread *t = child->as && !fs_proc_fork(child, p) &&
			   !signal_fork(child) ?
			   thread_create_user(child, child->pid, 0, 0) : NULL;
	if (!t) {
		proc_discard(child);
		return -ENOMEM;
	}
	signal_fork_thread(t);
	err = copy_thread(t, me, flags, newsp, tls);
	if (err) {
		discard_thread(t);
		proc_discard(child);
		return err;
	}
	memcpy(child->name, p->name, sizeof(child->name));
	child->exit_signal = flags & CLONE_PARENT ? p->exit_signal
						  : (int)(flags & CSIGNAL);
	child->creator = flags & CLONE_PARENT ? p->creator : me->tid;
	if (!parent)  /* no one will wait: freed when it ends */
		proc_make_orphan(child);
	/* the caller's group and session, even with CLONE_PARENT */
	pid_set_groups(child, p->pgid, p->sid);
	child->threads = t;  /* nobody else sees it yet */
	child->nthreads = 1;
	child->state = PROC_LIVE;
	report_tid(child, t, flags, parent_tid, child_tid);
	child->trace = p->trace;  /* even with CLONE_PARENT */
	if (trace_maybe(TRACE_EXEC))
		trace_fork(p, child);
	int pid = child->pid;  /* child may be gone when a vfork returns */
	if (flags & CLONE_VFORK)
		proc_vfork_start(child, t);
	else
		thread_start(t);
	return pid;
}

long proc_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
		uint32_t tls, uint32_t child_tid)
{
	int err = check_flags(flags);
	if (err)
		return err;
	if (flags & CLONE_THREAD)
		return new_thread(flags, newsp, parent_tid, tls, child_tid);
	return new_process(flags, newsp, parent_tid, tls, child_tid);
}

/* A vfork parent's wait, on its kernel stack; vfork_lock guards it and
 * every process's vfork pointer. */
static struct spinlock vfork_lock = SPINLOCK_INIT("vfork");

struct vfork_wait {
	bool done;
	struct waitq wq;
};

void proc_vfork_release(struct proc *p)
{
	spin_lock(&vfork_lock);
	struct vfork_wait *w = p->vfork;
	p->vfork = NULL;
	if (w) {
		w->done = true;
		waitq_wake_all(&w->wq);
	}
	spin_unlock(&vfork_lock);
}

void proc_vfork_start(struct proc *child, struct thread *t)
{
	struct thread *me = thread_current();
	struct vfork_wait w = { false, WAITQ_INIT };
	spin_lock(&vfork_lock);
	child->vfork = &w;
	spin_unlock(&vfork_lock);
	thread_start(t);
	spin_lock(&vfork_lock);
	while (!w.done && !me->must_exit) {
		if (waitq_sleep(&w.wq, &vfork_lock, 0, WAIT_INTERRUPTIBLE) &&
		    !me->must_exit) {
			/* A signal waits until the child lets go (Linux waits
			 * killably): let it run meanwhile. */
			spin_unlock(&vfork_lock);
			thread_yield();
			spin_lock(&vfork_lock);
		}
	}
	if (!w.done)
		child->vfork = NULL;  /* we are dying: stop waiting */
	spin_unlock(&vfork_lock);
}

/* clone3's struct clone_args (Linux's, 64 bytes in its first version,
 * 88 with set_tid and cgroup: every field 64-bit). */
struct clone_args {
	uint64_t flags;
	uint64_t pidfd;
	uint64_t child_tid;
	uint64_t parent_tid;
	uint64_t exit_signal;
	uint64_t stack;
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;
	uint64_t set_tid_size;
	uint64_t cgroup;
};

#define CLONE_ARGS_SIZE_VER0 64
#define CLONE_CLEAR_SIGHAND  0x100000000ull
#define CLONE_INTO_CGROUP    0x200000000ull

/* Read a struct clone_args of size bytes as Linux's
 * copy_struct_from_user: a shorter one is zero-extended, a longer one
 * must have only zeros past what the kernel knows (else -E2BIG). */
static int read_clone_args(struct clone_args *a, uint32_t uargs, uint32_t size)
{
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(a, 0, sizeof(*a));
	uint32_t known = size < sizeof(*a) ? size : sizeof(*a);
	if (copy_from_user(a, (void *)uargs, known))
		return -EFAULT;
	for (uint32_t off = known; off < size; off++) {
		uint8_t b;
		if (copy_from_user(&b, (void *)(uargs + off), 1))
			return -EFAULT;
		if (b)
			return -E2BIG;
	}
	return 0;
}

long sys_clone3(uint32_t uargs, uint32_t size, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	struct clone_args a;
	int err = read_clone_args(&a, uargs, size);
	if (err)
		return err;
	/* Linux's checks (copy_clone_args_from_user, clone3_args_valid). */
	if (a.set_tid_size > 32 || (!a.set_tid && a.set_tid_size) ||
	    (a.set_tid && !a.set_tid_size) || a.exit_signal > 64)
		return -EINVAL;
	if ((a.flags >> 32 & ~(CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP) >> 32) ||
	    (a.flags & (CLONE_DETACHED | CSIGNAL)) ||
	    ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal))
		return -EINVAL;
	if (a.stack ? !a.stack_size : a.stack_size > 0)
		return -EINVAL;
	/* Not in pagoda: choosing the tid, resetting handlers, cgroups. */
	if (a.set_tid || (a.flags >> 32))
		return -EINVAL;
	uint64_t sp = a.stack + a.stack_size;  /* the stack grows down */
	if (a.stack && (sp > USER_TOP || a.stack >= USER_TOP))
		return -EINVAL;
	return proc_clone((uint32_t)a.flags | (uint32_t)a.exit_signal,
			  (uint32_t)sp, (uint32_t)a.parent_tid, (uint32_t)a.tls,
			  (uint32_t)a.child_tid);
}

int proc_fork(void)
{
	return (int)new_process(SIGCHLD, 0, 0, 0, 0);
}

long proc_vfork(void)
{
	return new_process(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
}

long proc_set_tid_address(uint32_t tidptr)
{
	struct thread *me = thread_current();
	me->clear_child_tid = tidptr;
	return me->tid;
}
