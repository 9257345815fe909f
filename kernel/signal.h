/* kernel/signal.h: POSIX signals as Linux delivers them. A process owns
 * the actions (one table for all its threads) and the signals sent to it
 * as a whole; a thread owns its mask, the signals sent to it alone (tkill,
 * its own faults), its alternate stack. Signals are acted on in one place,
 * signal_return_to_user(), on every way back to ring 3: a handler runs on
 * a Linux i386 frame (kernel/arch/x86/sigframe.c), a default action ends,
 * stops or continues the process. docs/signals.md tells the whole story.
 * Every field here is guarded by sig_lock (see docs/locking.md). */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/time.h"
#include "kernel/uapi/signal.h"
#include "kernel/wait.h"

struct proc;
struct thread;
struct trapframe;

#define SIGBIT(sig) ((ksigset_t)1 << ((sig) - 1))
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/* What the kernel keeps of a pending signal's siginfo: si_code and the
 * three words at offsets 12, 16, 20 (pid/addr/timer id, uid/overrun,
 * status/value). */
struct ksiginfo {
	int code;
	uint32_t w[3];
};

/* A real-time signal waiting in its queue (they queue; 1..31 do not). */
struct sigqueue {
	int sig;
	struct ksiginfo info;
	struct sigqueue *next;
};

/* Signals sent but not yet delivered. A standard signal (1..31) is
 * pending at most once, its info in std[sig - 1]; real-time ones queue
 * in rt, oldest first, each with its bit set while one is queued. */
struct sigpending {
	ksigset_t set;
	struct ksiginfo std[31];
	struct sigqueue *rt;
};

/* A thread's part. */
struct thread_signals {
	ksigset_t blocked;        /* its signal mask */
	ksigset_t real_blocked;   /* rt_sigtimedwait: the mask it replaced */
	ksigset_t saved_mask;     /* sigsuspend: the mask to restore */
	bool restore_mask;        /* saved_mask is set: restore it on the
				     way out (into the handler's frame) */
	bool in_timedwait;        /* real_blocked is set */
	struct sigpending pending;   /* sent to this thread only */
	uint32_t altstack_sp;     /* sigaltstack; size 0: none */
	uint32_t altstack_size;
	uint32_t altstack_flags;  /* SS_AUTODISARM */
	uint32_t fault_cr2;       /* the address of its last page fault,
				     for the handler's sigcontext */
};

/* wait4's view of a stop or continue not yet reported to the parent. */
enum sig_report { REPORT_NONE, REPORT_STOPPED, REPORT_CONTINUED };

/* The actions, allocated on the first sigaction() (none: every action
 * is SIG_DFL), copied by fork. */
struct sighand {
	struct k_sigaction action[NSIG_KERNEL];  /* index sig - 1 */
};

/* A process's part. */
struct proc_signals {
	struct sighand *hand;       /* NULL: all SIG_DFL */
	struct sigpending shared;   /* sent to the process as a whole */
	bool stopped;               /* by a stop signal, until SIGCONT */
	int stop_sig;               /* the signal that stopped it */
	enum sig_report report;     /* for the parent's wait4 */
	struct waitq stop_wq;       /* its threads, while stopped */
	/* ITIMER_REAL (alarm, setitimer), guarded by kernel/itimer.c's
	 * itimer_lock: SIGALRM when real_timer fires, then every
	 * real_interval_ns if that is not 0. Not inherited by fork. */
	struct timer real_timer;
	uint64_t real_interval_ns;
};

/* Send sig (1..64) with info (NULL: SI_KERNEL) to process p, as kill()
 * does: SIGCONT continues it, a stop signal discards a pending SIGCONT,
 * an ignored signal is dropped, else it becomes pending and a thread
 * that does not block it is woken from an interruptible sleep. Safe in
 * interrupt handlers for signals 1..31. Returns 0, or -EAGAIN when a
 * real-time signal cannot be queued. */
int signal_send(struct proc *p, int sig, const siginfo_t *info);

/* The same for one thread (tkill, tgkill). */
int signal_send_thread(struct thread *t, int sig, const siginfo_t *info);

/* A synchronous signal for the running thread, caused by what it just
 * did (a fault): if the thread blocks or ignores sig, the action becomes
 * SIG_DFL and sig is unblocked, so the fault cannot be ignored (Linux's
 * force_sig). Returns true if the signal will kill the process (no
 * handler), so the caller can log why. */
bool signal_force(int sig, const siginfo_t *info);

/* Act on pending signals before tf returns to ring 3: stop while
 * stopped, run default actions, or build a handler's frame. nr is the
 * system call tf just made (its number), or -1 after an interrupt or
 * exception; it decides whether an -ERESTART* result restarts the call
 * or becomes -EINTR. */
void signal_return_to_user(struct trapframe *tf, int nr);


/* Fork: the child process copies the parent's actions (0 or -ENOMEM),
 * and its thread the mask and alternate stack; nothing is pending in the
 * child. */
int signal_fork(struct proc *child);
void signal_fork_thread(struct thread *child_thread);

/* execve: caught signals go back to SIG_DFL (ignored ones stay ignored),
 * the alternate stack is forgotten; the mask and pending signals stay. */
void signal_exec(struct proc *p, struct thread *t);

/* Free what is queued for a thread / a process (at exit). */
void signal_thread_free(struct thread *t);
void signal_proc_free(struct proc *p);

/* True if p's parent asked for its children to be reaped automatically
 * (SIGCHLD ignored, or SA_NOCLDWAIT). */
bool signal_parent_autoreaps(struct proc *parent);

/* True if the running thread ignores (SIG_IGN) or blocks sig: the tty's
 * job control then does not send SIGTTIN/SIGTTOU. */
bool signal_ignores_or_blocks(int sig);

/* The name of sig ("SIGSEGV"), or NULL for a number without one. */
const char *signal_name(int sig);

/* The core-dump bit (WCOREFLAG) for sig's default action, or 0. */
int signal_core_flag(int sig);

/* The running thread's current handler action for sig (1..64). For the
 * frame code: a copy, taken under the lock. */
struct k_sigaction signal_action(int sig);

/* Block or set the running thread's mask (SIG_BLOCK, SIG_UNBLOCK,
 * SIG_SETMASK); SIGKILL and SIGSTOP are never blocked. Returns the old
 * mask. */
ksigset_t signal_set_mask(int how, ksigset_t set);

/* ppoll and pselect6 interrupted under a temporary mask: old, the mask
 * from before the call, comes back on the way out (into the handler's
 * frame if one runs), as for sigsuspend. */
void signal_restore_mask_later(ksigset_t old);

/* Sleep interruptibly until a signal is pending for the running thread
 * (pause, sigsuspend). */
void signal_wait_any(void);

/* Dequeue a pending signal in set for the running thread, filling info;
 * returns it, or 0 if none. */
int signal_dequeue_in(ksigset_t set, siginfo_t *info);

/* rt_sigsuspend: run with mask until a signal is acted on; the old mask
 * comes back on the way out (into the handler's frame). Returns
 * -ERESTARTNOHAND, as Linux. */
long signal_suspend(ksigset_t mask);

/* rt_sigtimedwait: wait, until deadline_ns (0: none), for a signal of
 * set; dequeue it into *info. Returns it, -EAGAIN at the deadline, or
 * -EINTR if another signal came. */
long signal_timedwait(ksigset_t set, uint64_t deadline_ns, siginfo_t *info);

/* Signals pending for the running thread (its own and its process's). */
ksigset_t signal_pending_set(void);

/* sigaltstack for the running thread, whose user stack pointer is sp:
 * *old (if not NULL) gets the current settings; ss (if not NULL) sets
 * them. Returns 0, -EPERM (on it now), -EINVAL or -ENOMEM. */
int signal_altstack(const stack_t *ss, stack_t *old, uint32_t sp);

/* rt_sigreturn's restore of the uc_stack; errors leave it alone. */
void signal_altstack_restore(const stack_t *ss, uint32_t sp);

/* Set the running process's action for sig (1..64, not SIGKILL or
 * SIGSTOP when act is not NULL); *old (if not NULL) gets the one it had.
 * Returns 0, -EINVAL or -ENOMEM. */
int signal_sigaction(int sig, const struct k_sigaction *act,
		     struct k_sigaction *old);

/* The si_code (CLD_*) and si_status a SIGCHLD or waitid gives for a
 * Linux wait status. */
void signal_status_to_code(int wait_status, int *code, int *status);

/* The parent of p learns that p ended with wait_status: SIGCHLD (unless
 * ignored) and its wait4 woken. */
void signal_notify_exit(struct proc *p, int wait_status);

/* For wait4 and waitid: the stop or continue of child c not yet
 * reported, as a wait status (consumed, unless options has WNOWAIT), or
 * -1 if none is of a kind options asks for. */
int signal_take_report(struct proc *c, int options);

#endif
