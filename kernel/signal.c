/* kernel/signal.c: making signals: sending them, the pending sets, default
 * actions, SIGCHLD to the parent, the handler table, and the signal state
 * of fork, exec and exit. Acting on them (stops, handlers, masks, waits,
 * the alternate stack) is kernel/signal_deliver.c; the system calls are
 * in kernel/signal_sys.c, the handler's frame in
 * kernel/arch/x86/sigframe.c. */
#include "kernel/signal.h"

#include "kernel/arch/x86/sigframe.h"
#include "kernel/console.h"
#include "kernel/lib/string.h"
#include "kernel/lock.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "kernel/signal_internal.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"
#include "mm/kheap.h"

struct spinlock sig_lock = SPINLOCK_INIT("signals");

static const char *const names[32] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
	[SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig < 32 ? names[sig] : NULL;
}


#define CORE_SET (SIGBIT(SIGQUIT) | SIGBIT(SIGILL) | SIGBIT(SIGTRAP) |      \
		  SIGBIT(SIGABRT) | SIGBIT(SIGBUS) | SIGBIT(SIGFPE) |        \
		  SIGBIT(SIGSEGV) | SIGBIT(SIGXCPU) | SIGBIT(SIGXFSZ) |      \
		  SIGBIT(SIGSYS))
#define STOP_SET (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) |      \
		  SIGBIT(SIGTTOU))
#define IGN_SET  (SIGBIT(SIGCHLD) | SIGBIT(SIGURG) | SIGBIT(SIGWINCH))
/* Taken first, as Linux does: the ones a faulting instruction raised. */
#define SYNC_SET (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) |        \
		  SIGBIT(SIGTRAP) | SIGBIT(SIGFPE) | SIGBIT(SIGSYS))

enum dfl sig_default_action(int sig)
{
	ksigset_t b = SIGBIT(sig);
	if (sig == SIGCONT)
		return DFL_CONT;
	if (b & CORE_SET)
		return DFL_CORE;
	if (b & STOP_SET)
		return DFL_STOP;
	return b & IGN_SET ? DFL_IGN : DFL_TERM;
}

int signal_core_flag(int sig)
{
	return sig_default_action(sig) == DFL_CORE ? WCOREFLAG : 0;
}

static uint32_t handler_of(const struct proc *p, int sig)
{
	return p->sig.hand ? p->sig.hand->action[sig - 1].handler : SIG_DFL;
}

struct k_sigaction signal_action(int sig)
{
	struct proc *p = proc_current();
	struct k_sigaction ka = { SIG_DFL, 0, 0, 0 };
	spin_lock(&sig_lock);
	if (p->sig.hand)
		ka = p->sig.hand->action[sig - 1];
	spin_unlock(&sig_lock);
	return ka;
}

/* A signal whose delivery would do nothing, and that t does not block:
 * sending it is a no-op (Linux's sig_ignored). */
static bool ignored(const struct proc *p, const struct thread *t, int sig)
{
	ksigset_t blocked = t->sig.blocked |
			    (t->sig.in_timedwait ? t->sig.real_blocked : 0);
	if (blocked & SIGBIT(sig))
		return false;
	uint32_t h = handler_of(p, sig);
	return h == SIG_IGN ||
	       (h == SIG_DFL && (sig_default_action(sig) == DFL_IGN ||
				 sig_default_action(sig) == DFL_CONT));
}

/* Keep t->sig_pending (what interruptible sleeps look at) true exactly
 * when a signal t does not block is pending for it, or its process is
 * stopped (so that every thread leaves the kernel to stop). */
void sig_recalc(struct thread *t)
{
	ksigset_t pend = t->sig.pending.set;
	if (t->proc)
		pend |= t->proc->sig.shared.set;
	t->sig_pending = (pend & ~t->sig.blocked) != 0 ||
			 (t->proc && t->proc->sig.stopped);
}

/* The threads of p are read with interrupts off (sig_lock): on one CPU
 * their list cannot change under us. */
void sig_recalc_all(struct proc *p)
{
	for (struct thread *t = p->threads; t; t = t->group_next) {
		sig_recalc(t);
		if (t->sig_pending)
			thread_kick(t);
	}
}

/* Forget the pending signals of mask, sent to p or any of its threads. */
static void flush_all(struct proc *p, ksigset_t mask);

static void to_ksiginfo(struct ksiginfo *k, const siginfo_t *info)
{
	if (!info) {
		*k = (struct ksiginfo){ SI_KERNEL, { 0, 0, 0 } };
		return;
	}
	k->code = info->si_code;
	memcpy(k->w, &info->_sifields, sizeof(k->w));
}

void sig_from_ksiginfo(siginfo_t *info, int sig, const struct ksiginfo *k)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = k->code;
	memcpy(&info->_sifields, k->w, sizeof(k->w));
}

/* Add sig to pd. A standard signal already pending is merged; a real-time
 * one takes the preallocated queue entry *q (set to NULL once used). */
static void pending_add(struct sigpending *pd, int sig,
			const struct ksiginfo *k, struct sigqueue **q)
{
	if (sig < SIGRTMIN_KERNEL) {
		if (!(pd->set & SIGBIT(sig)))
			pd->std[sig - 1] = *k;
		pd->set |= SIGBIT(sig);
		return;
	}
	struct sigqueue *e = *q, **tail = &pd->rt;
	*q = NULL;
	e->sig = sig;
	e->info = *k;
	e->next = NULL;
	while (*tail)
		tail = &(*tail)->next;
	*tail = e;
	pd->set |= SIGBIT(sig);
}

/* Forget every pending signal of pd in mask. */
static void pending_flush(struct sigpending *pd, ksigset_t mask)
{
	pd->set &= ~mask;
	for (struct sigqueue **pp = &pd->rt; *pp;) {
		struct sigqueue *e = *pp;
		if (mask & SIGBIT(e->sig)) {
			*pp = e->next;
			kfree(e);
		} else {
			pp = &e->next;
		}
	}
}

static void flush_all(struct proc *p, ksigset_t mask)
{
	pending_flush(&p->sig.shared, mask);
	for (struct thread *t = p->threads; t; t = t->group_next)
		pending_flush(&t->sig.pending, mask);
}

/* Take one signal of pd in allowed: a synchronous one first, then the
 * lowest number. Returns it (info in *k), or 0. */
int sig_pending_take(struct sigpending *pd, ksigset_t allowed,
		     struct ksiginfo *k)
{
	ksigset_t avail = pd->set & allowed;
	if (!avail)
		return 0;
	if (avail & SYNC_SET)
		avail &= SYNC_SET;
	int sig = __builtin_ctzll(avail) + 1;
	if (sig < SIGRTMIN_KERNEL) {
		*k = pd->std[sig - 1];
		pd->set &= ~SIGBIT(sig);
		return sig;
	}
	bool more = false;
	struct sigqueue **pp = &pd->rt, *found = NULL;
	while (*pp) {
		if ((*pp)->sig == sig && !found) {
			found = *pp;
			*pp = found->next;
			continue;
		}
		more |= (*pp)->sig == sig;
		pp = &(*pp)->next;
	}
	KASSERT(found);
	*k = found->info;
	kfree(found);
	if (!more)
		pd->set &= ~SIGBIT(sig);
	return sig;
}


static void stop_or_continue(struct proc *p, int sig)
{
	if (SIGBIT(sig) & STOP_SET) {
		flush_all(p, SIGBIT(SIGCONT));
	} else if (sig == SIGCONT) {
		flush_all(p, STOP_SET);
		if (p->sig.stopped) {
			p->sig.stopped = false;
			p->sig.report = REPORT_CONTINUED;
			sig_notify_parent(p, CLD_CONTINUED, SIGCONT);
			sig_recalc_all(p);
			waitq_wake_all(&p->sig.stop_wq);
		}
	} else if (sig == SIGKILL) {
		waitq_wake_all(&p->sig.stop_wq);  /* a stopped process dies */
	}
}

/* The thread of p to wake for a signal sent to the whole process: one
 * that does not block it (Linux's complete_signal), else the first. */
static struct thread *pick_thread(struct proc *p, int sig)
{
	for (struct thread *t = p->threads; t; t = t->group_next)
		if (!(t->sig.blocked & SIGBIT(sig)))
			return t;
	return p->threads;
}

/* The body of every send, sig_lock held. target NULL: to the process. */
static int send_locked(struct proc *p, struct thread *target, int sig,
		       const struct ksiginfo *k, struct sigqueue **q)
{
	struct thread *t = target ? target : pick_thread(p, sig);
	if (p->state != PROC_LIVE || !t)
		return 0;  /* a zombie: the signal is lost, as on Linux */
	stop_or_continue(p, sig);
	if (ignored(p, t, sig))
		return 0;
	if (sig >= SIGRTMIN_KERNEL && !*q)
		return -EAGAIN;
	pending_add(target ? &target->sig.pending : &p->sig.shared, sig, k, q);
	sig_recalc(t);
	if (t->sig_pending)
		thread_kick(t);
	return 0;
}

static int send(struct proc *p, struct thread *target, int sig,
		const siginfo_t *info)
{
	struct ksiginfo k;
	to_ksiginfo(&k, info);
	/* A real-time signal's entry is allocated before taking the lock
	 * (never from an interrupt handler: those send 1..31 only). */
	struct sigqueue *q = sig >= SIGRTMIN_KERNEL ? kmalloc(sizeof(*q)) : NULL;
	spin_lock(&sig_lock);
	int r = send_locked(p, target, sig, &k, &q);
	spin_unlock(&sig_lock);
	if (trace_maybe(TRACE_SIGNAL))
		trace_signal(p, sig, "send", (unsigned)k.code);
	kfree(q);  /* not used: merged, ignored or a zombie */
	return r;
}

int signal_send(struct proc *p, int sig, const siginfo_t *info)
{
	return send(p, NULL, sig, info);
}

int signal_send_thread(struct thread *t, int sig, const siginfo_t *info)
{
	return send(t->proc, t, sig, info);
}

void sig_notify_parent(struct proc *p, int why, int status)
{
	struct proc *parent = p->parent;
	if (!parent)
		return;
	waitq_wake_all(&parent->child_exit);  /* maybe in wait4: it rechecks */
	int sig = why >= CLD_STOPPED ? SIGCHLD : p->exit_signal;
	if (sig <= 0 || sig > NSIG_KERNEL)
		return;
	if (why >= CLD_STOPPED && parent->sig.hand &&
	    (parent->sig.hand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
		return;
	struct ksiginfo k = { why, { (uint32_t)p->pid, p->res.cred.uid,
				    (uint32_t)status } };
	struct sigqueue *none = NULL;  /* a real-time exit signal is lost */
	send_locked(parent, NULL, sig, &k, &none);
}

void signal_status_to_code(int wait_status, int *code, int *status)
{
	if (WIFCONTINUED(wait_status)) {
		*code = CLD_CONTINUED, *status = SIGCONT;
	} else if (WIFSTOPPED(wait_status)) {
		*code = CLD_STOPPED, *status = WSTOPSIG(wait_status);
	} else if (WIFEXITED(wait_status)) {
		*code = CLD_EXITED, *status = WEXITSTATUS(wait_status);
	} else {
		*code = WCOREDUMP(wait_status) ? CLD_DUMPED : CLD_KILLED;
		*status = WTERMSIG(wait_status);
	}
}

void signal_notify_exit(struct proc *p, int wait_status)
{
	int why, status;
	signal_status_to_code(wait_status, &why, &status);
	spin_lock(&sig_lock);
	sig_notify_parent(p, why, status);
	spin_unlock(&sig_lock);
}

bool signal_parent_autoreaps(struct proc *parent)
{
	if (!parent || !parent->sig.hand)
		return false;
	const struct k_sigaction *ka = &parent->sig.hand->action[SIGCHLD - 1];
	return ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT);
}

bool signal_force(int sig, const siginfo_t *info)
{
	struct thread *t = thread_current();
	struct proc *p = t->proc;
	struct ksiginfo k;
	to_ksiginfo(&k, info);
	spin_lock(&sig_lock);
	uint32_t h = handler_of(p, sig);
	if ((t->sig.blocked & SIGBIT(sig)) || h == SIG_IGN) {
		if (p->sig.hand)
			p->sig.hand->action[sig - 1].handler = SIG_DFL;
		t->sig.blocked &= ~SIGBIT(sig);
		h = SIG_DFL;
	}
	struct sigqueue *none = NULL;
	pending_add(&t->sig.pending, sig, &k, &none);
	sig_recalc(t);
	spin_unlock(&sig_lock);
	if (trace_maybe(TRACE_SIGNAL))
		trace_signal(p, sig, "force", (unsigned)k.code);
	return h == SIG_DFL && sig != SIGCHLD;
}

int signal_fork(struct proc *child)
{
	struct proc *p = proc_current();
	struct sighand *h = NULL;
	if (p->sig.hand && !(h = kmalloc(sizeof(*h))))
		return -ENOMEM;
	spin_lock(&sig_lock);
	if (h)
		*h = *p->sig.hand;
	child->sig.hand = h;
	spin_unlock(&sig_lock);
	return 0;
}

void signal_fork_thread(struct thread *ct)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	ct->sig.blocked = t->sig.blocked;
	ct->sig.altstack_sp = t->sig.altstack_sp;
	ct->sig.altstack_size = t->sig.altstack_size;
	ct->sig.altstack_flags = t->sig.altstack_flags;
	spin_unlock(&sig_lock);
}

void signal_exec(struct proc *p, struct thread *t)
{
	spin_lock(&sig_lock);
	if (p->sig.hand) {
		for (int i = 0; i < NSIG_KERNEL; i++) {
			struct k_sigaction *ka = &p->sig.hand->action[i];
			uint32_t h = ka->handler == SIG_IGN ? SIG_IGN : SIG_DFL;
			*ka = (struct k_sigaction){ h, 0, 0, 0 };
		}
	}
	t->sig.altstack_sp = t->sig.altstack_size = t->sig.altstack_flags = 0;
	spin_unlock(&sig_lock);
}

void signal_thread_free(struct thread *t)
{
	spin_lock(&sig_lock);
	pending_flush(&t->sig.pending, ~(ksigset_t)0);
	spin_unlock(&sig_lock);
}

void signal_proc_free(struct proc *p)
{
	spin_lock(&sig_lock);
	pending_flush(&p->sig.shared, ~(ksigset_t)0);
	struct sighand *h = p->sig.hand;
	p->sig.hand = NULL;
	spin_unlock(&sig_lock);
	kfree(h);
}

int signal_sigaction(int sig, const struct k_sigaction *act,
		     struct k_sigaction *old)
{
	struct proc *p = proc_current();
	if (sig < 1 || sig > NSIG_KERNEL ||
	    (act && (SIGBIT(sig) & SIG_UNBLOCKABLE)))
		return -EINVAL;
	struct sighand *fresh = NULL;
	if (act && !p->sig.hand && !(fresh = kzalloc(sizeof(*fresh))))
		return -ENOMEM;
	spin_lock(&sig_lock);
	if (fresh)
		p->sig.hand = fresh;
	if (old)
		*old = p->sig.hand ? p->sig.hand->action[sig - 1]
				   : (struct k_sigaction){ SIG_DFL, 0, 0, 0 };
	if (act) {
		struct k_sigaction *ka = &p->sig.hand->action[sig - 1];
		*ka = *act;
		ka->mask &= ~SIG_UNBLOCKABLE;
		/* POSIX: setting a pending signal to be ignored discards it. */
		if (ignored(p, thread_current(), sig) ||
		    ka->handler == SIG_IGN)
			flush_all(p, SIGBIT(sig));
	}
	spin_unlock(&sig_lock);
	return 0;
}

int signal_take_report(struct proc *c, int options)
{
	int status = -1;
	spin_lock(&sig_lock);
	if (c->sig.report == REPORT_STOPPED && (options & WUNTRACED))
		status = W_STOPCODE(c->sig.stop_sig);
	else if (c->sig.report == REPORT_CONTINUED && (options & WCONTINUED))
		status = 0xffff;
	if (status != -1 && !(options & WNOWAIT))
		c->sig.report = REPORT_NONE;  /* reported: WNOWAIT leaves it */
	spin_unlock(&sig_lock);
	return status;
}

bool signal_ignores_or_blocks(int sig)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	uint32_t h = t->proc ? handler_of(t->proc, sig) : SIG_DFL;
	bool r = h == SIG_IGN || (t->sig.blocked & SIGBIT(sig));
	spin_unlock(&sig_lock);
	return r;
}
