/* kernel/signal_internal.h: what kernel/signal.c (making signals) and
 * kernel/signal_deliver.c (acting on them) share; no one else includes
 * it. */
#ifndef KERNEL_SIGNAL_INTERNAL_H
#define KERNEL_SIGNAL_INTERNAL_H

#include "kernel/signal.h"

struct proc;
struct thread;

/* Guards every struct thread_signals, struct proc_signals and sighand
 * (docs/locking.md). */
extern struct spinlock sig_lock;

/* What a signal does with SIG_DFL. */
enum dfl { DFL_TERM, DFL_CORE, DFL_IGN, DFL_STOP, DFL_CONT };
enum dfl sig_default_action(int sig);

/* Keep t->sig_pending (what interruptible sleeps look at) true exactly
 * when a signal t does not block is pending for it, or its process is
 * stopped; sig_recalc_all does it for every thread of p and kicks the
 * ones with something to do. sig_lock held. */
void sig_recalc(struct thread *t);
void sig_recalc_all(struct proc *p);

/* Tell p's parent that p stopped, continued or ended (why: CLD_*): the
 * parent's wait4 is woken, and it gets SIGCHLD unless it ignores it, or,
 * for stops and continues, asked not to (SA_NOCLDSTOP). sig_lock held. */
void sig_notify_parent(struct proc *p, int why, int status);

/* Take one signal of pd in allowed: a synchronous one first, then the
 * lowest number. Returns it (its info in *k), or 0. sig_lock held. */
int sig_pending_take(struct sigpending *pd, ksigset_t allowed,
		     struct ksiginfo *k);

/* The siginfo_t a handler or sigtimedwait gets for sig sent with k. */
void sig_from_ksiginfo(siginfo_t *info, int sig, const struct ksiginfo *k);

#endif
