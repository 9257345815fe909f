/* kernel/proc.h: processes. A process is an address space, the threads
 * that run in it (one, for now) and what its parent will learn when it
 * ends: the wait status, encoded as Linux encodes it. */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/wait.h"
#include "mm/memlayout.h"

struct address_space;
struct thread;
struct trapframe;

/* Linux wait-status encoding (kernel/uapi/wait.h). */
#define WAIT_EXITED(code)   W_EXITCODE(code, 0)
#define WAIT_SIGNALED(sig)  W_EXITCODE(0, sig)

#define PROC_MAX 64  /* live processes at once: a fork bomb meets EAGAIN */

enum proc_state {
	PROC_EMBRYO,     /* being built: no image yet */
	PROC_LIVE,       /* running (or runnable, or blocked) */
	PROC_ZOMBIE,     /* exited; waiting for its parent to read the status */
};

/* Output captured instead of going to the console (tests read it). */
struct proc_capture {
	char *buf;       /* PAGE_SIZE bytes */
	uint32_t len;    /* bytes stored; more than fit are dropped */
};

struct proc {
	int pid;
	char name[16];                 /* base name of the executable (comm) */
	enum proc_state state;
	struct proc *parent;           /* NULL: started by the kernel itself */
	struct address_space *as;      /* NULL until the first exec */
	struct thread *thread;         /* its one thread, once it has an image */
	int wait_status;               /* valid once PROC_ZOMBIE */
	struct thread *waiter;         /* blocked in proc_wait() for it, or NULL */
	struct proc_capture *capture;  /* NULL: writes to fd 1 and 2 go to COM1 */
	uint32_t clear_child_tid;      /* user address zeroed at exit (clone's
					  CLONE_CHILD_CLEARTID), or 0 */
	bool orphan;                   /* parent gone and no init to adopt it:
					  freed by the kernel once a zombie */
};

/* A new process with no image yet (PROC_EMBRYO). Returns NULL with *err
 * -EAGAIN when PROC_MAX processes exist, -ENOMEM when out of memory. */
struct proc *proc_create(struct proc *parent, int *err);

/* Give an embryo the image exec prepared and start its thread. */
int proc_start(struct proc *p, uint32_t entry, uint32_t user_sp);

/* The process running now, or NULL on a kernel-only thread. */
struct proc *proc_current(void);

/* End the current process with wait status `status`: free its address
 * space, become a zombie and wake whoever waits for it. Never returns. */
__attribute__((noreturn)) void proc_exit(int status);

/* Kill the current process with signal for an exception it took in user
 * mode (tf), logging one line, for a page fault at addr:
 * `pid 7 (prog): segfault at c0001000 ip 08048123 error 5` (SIGSEGV) or
 * `pid 7 (prog): out of memory at ...` (SIGKILL), then its VMAs. */
__attribute__((noreturn)) void proc_kill_fault(const struct trapframe *tf,
					       int signal, vaddr_t addr);

/* fork(): a copy of the current process (address space copy-on-write,
 * the same registers, eax 0 in the child), started. Returns the child's
 * pid, -EAGAIN when the process table is full, or -ENOMEM. */
int proc_fork(void);

/* clone() as a C library's fork() uses it: flags may hold only the exit
 * signal and CLONE_PARENT_SETTID / CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID
 * (threads, CLONE_VM and the rest, give -EINVAL); newsp, if not 0, is the
 * child's stack. The tid pointers are used as Linux does. Returns as
 * proc_fork(), or -EFAULT if the parent's tid pointer is bad. */
int proc_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tid,
	       uint32_t child_tid);

/* wait4(): wait for a child of the current process to end (pid > 0: that
 * child; -1, 0 or below -1: any child, as there are no process groups),
 * store its wait status at ustatus (if not NULL), zero *urusage (if not
 * NULL) and free it. Returns its pid; 0 with WNOHANG if none has ended;
 * -ECHILD if there is no such child; -EINVAL for unknown options; -EFAULT
 * for a bad pointer (the child is freed all the same, as on Linux). */
long proc_wait4(int pid, int *ustatus, int options, void *urusage);

/* The process that adopts orphans (init), or NULL. */
void proc_set_init(struct proc *p);

/* Stop sending output to cap (its owner is about to free it). */
void proc_forget_capture(struct proc_capture *cap);

/* Wait for child p to end, then free it. Returns its wait status. */
int proc_wait(struct proc *p);

/* Free an embryo that never started (a failed exec of a new process). */
void proc_discard(struct proc *p);

/* Live and zombie processes now. */
int proc_count(void);

#endif
