/* kernel/proc.h: processes. A process is a thread group: an address
 * space, the threads that run in it (its pid is the first thread's tid,
 * as on Linux) and what its parent will learn when the last of them ends:
 * the wait status, encoded as Linux encodes it. docs/threads.md. */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/resource.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/lib/list.h"
#include "kernel/uapi/wait.h"
#include "kernel/wait.h"
#include "mm/memlayout.h"

struct address_space;
struct fdtable;
struct inode;
struct thread;
struct vfork_wait;
struct trapframe;

/* Linux wait-status encoding (kernel/uapi/wait.h). */
#define WAIT_EXITED(code)   W_EXITCODE(code, 0)
#define WAIT_SIGNALED(sig)  W_EXITCODE(0, sig)

enum proc_state {
	PROC_EMBRYO,     /* being built: no image yet */
	PROC_LIVE,       /* has threads (running, runnable or blocked) */
	PROC_ZOMBIE,     /* its last thread exited; waiting for its parent
			    to read the status */
};

/* Fields marked [L] are guarded by proc_lock (kernel/proc.c; see
 * docs/locking.md); the others belong to the process's own threads. */
struct proc {
	int pid;                       /* = the thread-group leader's tid */
	struct list_node all;          /* [L] on the list of every process
					  (kernel/proc.c's proc_all) */
	struct list_node sibling;      /* [L] on its parent's children list,
					  on the orphans list, or on none
					  (started by the kernel) */
	struct list_node children;     /* [L] its children, via sibling */
	char name[16];                 /* base name of the executable (comm) */
	enum proc_state state;         /* [L] */
	struct proc *parent;           /* [L] NULL: started by the kernel */
	struct address_space *as;      /* NULL until the first exec */
	struct thread *threads;        /* [L] live threads, via group_next */
	int nthreads;                  /* [L] how many are on that list */
	struct thread *dead;           /* [L] exited threads not yet freed */
	bool group_exit;               /* [L] exit_group (or a fatal signal)
					  ended it: wait_status is final */
	int wait_status;               /* [L] exit_group's status, or the last
					  thread's; read once PROC_ZOMBIE */
	int exit_signal;               /* signal for the parent at its end
					  (clone's CSIGNAL; SIGCHLD) */
	int creator;                   /* [L] tid of the parent's thread that
					  created it (wait4's __WNOTHREAD) */
	struct waitq child_exit;       /* [L] its threads in wait4(): woken
					  when a child becomes a zombie */
	struct fdtable *files;         /* descriptors (fs/file.h), held;
					  NULL once exited */
	struct inode *cwd;             /* working directory, held */
	struct inode *exe;             /* the program file, held with
					  writes denied (ETXTBSY), or NULL */
	uint32_t umask;                /* masks the mode of files it creates */
	struct waitq thread_exit;      /* [L] de_thread() in execve: woken
					  when one of its threads exits */
	struct vfork_wait *vfork;      /* its vfork parent waits here until
					  it execs or ends, or NULL (guarded
					  by kernel/clone.c's vfork_lock) */
	bool orphan;                   /* [L] parent gone and no init to adopt
					  it: freed by the kernel once a zombie */
	int pgid;                      /* process group (kernel/session.h) */
	int sid;                       /* session */
	bool did_exec;                 /* has exec'd since fork (setpgid) */
	struct proc_signals sig;       /* actions, shared pending signals,
					  stop state (kernel/signal.h; under
					  its sig_lock) */
	struct usage usage_exited;     /* [L] CPU time and faults of its
					  exited threads (kernel/time.c) */
	struct usage usage_children;   /* [L] of the children it reaped,
					  theirs included */
	struct proc_res res;           /* ids and limits (kernel/resource.h) */
	unsigned trace;                /* TRACE_* events traced for it on top
					  of trace= (kernel/trace.h); its
					  children inherit it */
	uint32_t unimplemented_seen[SYSCALL_NR_MAX / 32 + 1];
				       /* numbers already logged as
					  unimplemented (kernel/syscall.c);
					  the last bit: any past the table */
};

/* A new process with no image yet (PROC_EMBRYO), a child of parent (or
 * of none: the kernel waits for it with proc_wait()). Returns NULL with
 * *err -EAGAIN when max_threads processes or threads exist or no pid is
 * free, -ENOMEM when out of memory. */
struct proc *proc_create(struct proc *parent, int *err);

/* Give an embryo the image exec prepared and start its first thread
 * (tid = pid). */
int proc_start(struct proc *p, uint32_t entry, uint32_t user_sp);

/* Make t (new, not yet started) a thread of p. Returns 0, or -EINTR if p
 * is ending (exit_group, a fatal signal): t is then still the caller's. */
int proc_add_thread(struct proc *p, struct thread *t);

/* Free the threads of p that have exited and switched away for good. */
void proc_free_dead_threads(struct proc *p);

/* execve() in a process with several threads, as Linux's de_thread(): end
 * every other thread and wait until they are gone; the caller then takes
 * over the leader's tid (= the pid). Returns 0, or -EINTR if the process
 * is ending anyway (the exec must then fail: the caller exits on its way
 * back to user mode). */
int proc_de_thread(void);

/* CLONE_VFORK: start child's thread t and sleep until the child execs or
 * ends (proc_vfork_release), or the caller's process ends. */
void proc_vfork_start(struct proc *child, struct thread *t);

/* p has exec'd or is ending: wake its vfork parent, if one waits. */
void proc_vfork_release(struct proc *p);

/* The process running now, or NULL on a kernel-only thread. */
static inline struct proc *proc_current(void)
{
	return thread_current()->proc;
}

/* Whether signal_return_to_user() (kernel/signal.c) has anything to do
 * for thread t (the running one, interrupts off): a signal it does not
 * block is pending for it (t->sig_pending, kept exact by every send and
 * mask change), a signal is pending for its process as a whole (whichever
 * thread comes by takes it), or sigsuspend's mask waits to be restored.
 * False is the common case, which the way back to ring 3 then skips in a
 * few tests. Here, not in signal.h, because it reads both structures. */
static inline bool signal_work_pending(const struct thread *t)
{
	return t->sig_pending || t->sig.restore_mask ||
	       (t->proc && t->proc->sig.shared.set);
}

/* exit(): end the current thread. If it is the last thread, the process
 * ends with wait status `status` (unless exit_group already set one, as
 * Linux): its address space is freed, it becomes a zombie and whoever
 * waits for it is woken. Never returns. */
__attribute__((noreturn)) void proc_exit_thread(int status);

/* exit_group(), or a fatal signal: end every thread of the current
 * process with wait status `status` (the first such status wins). The
 * other threads are told (thread->must_exit) and kicked out of
 * interruptible sleeps; they exit on their way back to user mode; the
 * last one to go tears the process down. Never returns. */
__attribute__((noreturn)) void proc_exit_group(int status);

/* Called on every return to user mode (and before a new thread's first
 * one): a thread whose process is ending exits here. */
void proc_return_to_user(void);

/* fork(): a copy of the current process (address space copy-on-write,
 * one thread: a copy of the calling one, with eax 0), started. Returns the child's
 * pid, -EAGAIN at the process limits (RLIMIT_NPROC, max_threads), or
 * -ENOMEM. */
int proc_fork(void);

/* clone(): a new thread of the current process (CLONE_THREAD, with
 * CLONE_VM | CLONE_SIGHAND | CLONE_FS | CLONE_FILES) or a new process
 * (fork-like: no CLONE_VM), flags checked as Linux checks them; newsp, if
 * not 0, is the child's stack, tls a struct user_desc (CLONE_SETTLS), the
 * tid pointers used as Linux does (a bad parent_tid is ignored). Returns
 * the new tid (= pid for a process), -EINVAL for a bad or unsupported
 * combination, -EAGAIN, -ENOMEM, or -EFAULT for a bad user_desc. See
 * kernel/clone.c and docs/threads.md. */
long proc_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
		uint32_t tls, uint32_t child_tid);

/* vfork(): clone(CLONE_VM | CLONE_VFORK | SIGCHLD): the child runs in
 * the caller's memory, on its stack, while the caller sleeps until the
 * child execs or exits. Returns as proc_fork(). */
long proc_vfork(void);

/* clone3(uargs, size): clone with Linux's struct clone_args (exit signal,
 * stack and size apart), checked as Linux checks it: -E2BIG, -EINVAL;
 * choosing the tid (set_tid), CLONE_CLEAR_SIGHAND and cgroups are
 * -EINVAL in pagoda. Then as proc_clone(). */
long sys_clone3(uint32_t uargs, uint32_t size, uint32_t a3, uint32_t a4,
		uint32_t a5, uint32_t a6);

/* set_tid_address(): the current thread's clear_child_tid becomes tidptr.
 * Returns its tid. */
long proc_set_tid_address(uint32_t tidptr);

/* wait4(): wait for a child of the current process (a whole thread
 * group) to end (pid > 0: that child; -1: any; 0: any in the caller's
 * process group; below -1: any in group -pid), or with WUNTRACED /
 * WCONTINUED to stop / be continued; store its wait status at ustatus
 * (if not NULL), its resource usage and its reaped children's at
 * *urusage (if not NULL; zeros for a stop or continue) and free it if it
 * ended.
 * Returns its pid; 0 with WNOHANG if none has changed; -ECHILD if there
 * is no such child; -EINVAL for unknown options; -ERESTARTSYS if a
 * signal interrupts the wait (EINTR, or a restart with SA_RESTART);
 * -EFAULT for a bad pointer (the child is freed all the same, as on
 * Linux). */
long proc_wait4(int pid, int *ustatus, int options, void *urusage);

/* waitid(idtype, id, info, options, rusage): wait4's choice of children
 * and events by P_ALL / P_PID / P_PGID and id, with WEXITED, WSTOPPED and
 * WCONTINUED asking for each kind of event (at least one) and WNOWAIT
 * leaving the child waitable; what happened is told in *info as a
 * SIGCHLD siginfo (si_code CLD_*, si_pid, si_uid, si_status), zeros if
 * nothing had (WNOHANG). Returns 0, or -EINVAL, -ECHILD, -EBADF (P_PIDFD:
 * pagoda has no pidfds), -ERESTARTSYS, -EFAULT as wait4. */
long proc_waitid(int idtype, int id, void *uinfo, int options,
		 void *urusage);

/* p (new, not yet started) has no parent to wait for it: the kernel
 * frees it when it ends (clone's CLONE_PARENT from a parentless caller). */
void proc_make_orphan(struct proc *p);

/* The process that adopts orphans (init), or NULL. */
void proc_set_init(struct proc *p);

/* Wait for child p to end, then free it. Returns its wait status. */
int proc_wait(struct proc *p);

/* Free an embryo that never started (a failed exec of a new process). */
void proc_discard(struct proc *p);

/* The live or zombie process with id pid, or NULL. */
struct proc *proc_find(int pid);

/* The live thread with id tid (of process tgid, if tgid > 0), or NULL. */
struct thread *proc_find_thread(int tid, int tgid);

/* Call fn(p, arg) for every live and zombie process, with the process
 * table locked (fn must not sleep). */
void proc_for_each(void (*fn)(struct proc *p, void *arg), void *arg);

/* Live and zombie processes now. */
int proc_count(void);

/* Free the orphans that ended with no one to wait for them; the kernel
 * does it whenever it next creates or waits for a process. */
void proc_reap_orphans(void);

/* Live and zombie processes whose real user id is uid (RLIMIT_NPROC). */
int proc_count_user(uint32_t uid);

#endif
