/* kernel/signal_deliver.c: acting on signals. signal_return_to_user(), on
 * every return to ring 3, stops the process, kills it or sets up a
 * handler's frame; and the calls that wait for signals or change what a
 * thread blocks (sigprocmask, sigsuspend, sigtimedwait), and the
 * alternate stack. Signals are made in kernel/signal.c. */
#include "kernel/signal.h"

#include "kernel/arch/x86/sigframe.h"
#include "kernel/console.h"
#include "kernel/lock.h"
#include "kernel/proc.h"
#include "kernel/signal_internal.h"
#include "kernel/thread.h"
#include "kernel/trace.h"
#include "kernel/uapi/errno.h"

/* While p is stopped, its threads sleep here (sig_lock held; SIGCONT,
 * SIGKILL or another thread's exit_group wakes them). */
static void stay_stopped(struct proc *p, struct thread *t)
{
	while (p->sig.stopped && !t->must_exit &&
	       !((t->sig.pending.set | p->sig.shared.set) & SIGBIT(SIGKILL)))
		waitq_sleep(&p->sig.stop_wq, &sig_lock, 0, 0);
}

static void do_stop(struct proc *p, int sig)
{
	p->sig.stopped = true;
	p->sig.stop_sig = sig;
	p->sig.report = REPORT_STOPPED;
	sig_notify_parent(p, CLD_STOPPED, sig);
	sig_recalc_all(p);  /* the other threads leave the kernel and stop too */
}

/* The signals a faulting instruction raises. Dying of one is logged (the
 * fault's own line says where; this one says it was fatal), as Linux logs
 * unhandled faults; dying of kill(2), Ctrl-C or the like is not, since
 * the shell reports that itself ("Terminated") on the same terminal. */
static bool is_fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP || sig == SIGSYS;
}

/* Die of sig: the log line for a fault, then the wait status Linux would
 * give. */
__attribute__((noreturn)) static void die(int sig)
{
	struct proc *p = proc_current();
	if (is_fault_signal(sig))
		pr_info("pid %d (%s): killed by %s\n", p->pid, p->name,
			signal_name(sig));
	proc_exit_group(WAIT_SIGNALED(sig) | signal_core_flag(sig));
}

/* Dequeue the next signal to act on and decide what it does; sig_lock
 * held. Returns the signal with a handler to run (*ka, *info set), 0
 * when nothing is left to do, or -sig when sig must kill the process.
 * The other default actions (ignore, stop, continue) happen here. */
static int next_handler(struct proc *p, struct thread *t,
			struct k_sigaction *ka, siginfo_t *info)
{
	for (;;) {
		stay_stopped(p, t);
		struct ksiginfo k;
		ksigset_t allowed = ~t->sig.blocked;
		int sig = sig_pending_take(&t->sig.pending, allowed, &k);
		if (!sig)
			sig = sig_pending_take(&p->sig.shared, allowed, &k);
		sig_recalc(t);
		if (!sig)
			return 0;
		*ka = p->sig.hand ? p->sig.hand->action[sig - 1]
				  : (struct k_sigaction){ SIG_DFL, 0, 0, 0 };
		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			sig_from_ksiginfo(info, sig, &k);
			return sig;
		}
		switch (sig_default_action(sig)) {
		case DFL_IGN:
		case DFL_CONT:
			continue;
		case DFL_STOP:
			do_stop(p, sig);
			continue;
		default:
			return -sig;
		}
	}
}

void signal_return_to_user(struct trapframe *tf, int nr)
{
	struct thread *t = thread_current();
	struct proc *p = t->proc;
	if (!p)
		return;
	siginfo_t info;
	for (;;) {
		struct k_sigaction ka;
		spin_lock(&sig_lock);
		int sig = next_handler(p, t, &ka, &info);
		if (sig <= 0) {
			spin_unlock(&sig_lock);
			if (sig < 0 && trace_maybe(TRACE_SIGNAL))
				trace_signal(p, -sig, "default", 0);
			if (sig < 0)
				die(-sig);
			break;
		}
		if (ka.flags & SA_RESETHAND)
			p->sig.hand->action[sig - 1].handler = SIG_DFL;
		ksigset_t oldmask = t->sig.restore_mask ? t->sig.saved_mask
							: t->sig.blocked;
		t->sig.restore_mask = false;
		t->sig.blocked |= ka.mask | (ka.flags & SA_NODEFER ? 0 : SIGBIT(sig));
		t->sig.blocked &= ~SIG_UNBLOCKABLE;
		sig_recalc(t);
		spin_unlock(&sig_lock);
		if (nr >= 0)
			sigframe_syscall_restart(tf, nr, &ka);
		if (trace_maybe(TRACE_SIGNAL))
			trace_signal(p, sig, "deliver", ka.handler);
		nr = -1;  /* only the first handler decides */
		if (sigframe_setup(tf, sig, &ka, &info, oldmask) < 0) {
			/* No room for the frame: SIGSEGV, which cannot be
			 * caught now (as Linux's force_sigsegv). */
			spin_lock(&sig_lock);
			if (sig == SIGSEGV && p->sig.hand)
				p->sig.hand->action[SIGSEGV - 1].handler = SIG_DFL;
			spin_unlock(&sig_lock);
			signal_force(SIGSEGV, NULL);
		}
	}
	if (nr >= 0)
		sigframe_syscall_restart(tf, nr, NULL);
	spin_lock(&sig_lock);
	if (t->sig.restore_mask) {  /* sigsuspend and no handler ran */
		t->sig.blocked = t->sig.saved_mask;
		t->sig.restore_mask = false;
		sig_recalc(t);
	}
	spin_unlock(&sig_lock);
}

ksigset_t signal_set_mask(int how, ksigset_t set)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	ksigset_t old = t->sig.blocked;
	if (how == SIG_BLOCK)
		t->sig.blocked |= set;
	else if (how == SIG_UNBLOCK)
		t->sig.blocked &= ~set;
	else
		t->sig.blocked = set;
	t->sig.blocked &= ~SIG_UNBLOCKABLE;
	sig_recalc(t);
	spin_unlock(&sig_lock);
	return old;
}

void signal_restore_mask_later(ksigset_t old)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	t->sig.saved_mask = old;
	t->sig.restore_mask = true;
	spin_unlock(&sig_lock);
}

void signal_wait_any(void)
{
	struct waitq never = WAITQ_INIT;  /* only a signal ends this sleep */
	spin_lock(&sig_lock);
	while (waitq_sleep(&never, &sig_lock, 0, WAIT_INTERRUPTIBLE) == 0)
		;
	spin_unlock(&sig_lock);
}

int signal_dequeue_in(ksigset_t set, siginfo_t *info)
{
	struct thread *t = thread_current();
	struct ksiginfo k;
	spin_lock(&sig_lock);
	int sig = sig_pending_take(&t->sig.pending, set, &k);
	if (!sig)
		sig = sig_pending_take(&t->proc->sig.shared, set, &k);
	sig_recalc(t);
	spin_unlock(&sig_lock);
	if (sig)
		sig_from_ksiginfo(info, sig, &k);
	return sig;
}

long signal_suspend(ksigset_t mask)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	t->sig.saved_mask = t->sig.blocked;
	t->sig.restore_mask = true;
	t->sig.blocked = mask & ~SIG_UNBLOCKABLE;
	sig_recalc(t);
	spin_unlock(&sig_lock);
	signal_wait_any();
	return -ERESTARTNOHAND;
}

long signal_timedwait(ksigset_t set, uint64_t deadline_ns, siginfo_t *info)
{
	struct thread *t = thread_current();
	struct waitq never = WAITQ_INIT;
	set &= ~SIG_UNBLOCKABLE;
	int sig = signal_dequeue_in(set, info);
	if (sig)
		return sig;
	spin_lock(&sig_lock);
	/* Unblock set while asleep, so that its signals wake us. */
	t->sig.real_blocked = t->sig.blocked;
	t->sig.in_timedwait = true;
	t->sig.blocked &= ~set;
	sig_recalc(t);
	int r = 0;
	while (!r)
		r = waitq_sleep(&never, &sig_lock, deadline_ns, WAIT_INTERRUPTIBLE);
	t->sig.blocked = t->sig.real_blocked;
	t->sig.in_timedwait = false;
	sig_recalc(t);
	spin_unlock(&sig_lock);
	sig = signal_dequeue_in(set, info);
	if (sig)
		return sig;
	return r == -ETIMEDOUT ? -EAGAIN : -EINTR;
}

ksigset_t signal_pending_set(void)
{
	struct thread *t = thread_current();
	spin_lock(&sig_lock);
	ksigset_t s = t->sig.pending.set | t->proc->sig.shared.set;
	spin_unlock(&sig_lock);
	return s;
}

/* Linux's sas_ss_flags for the uc_stack and sigaltstack's old value. */
static int altstack_flags(const struct thread *t, uint32_t sp)
{
	if (!t->sig.altstack_size)
		return SS_DISABLE;
	bool on = sp > t->sig.altstack_sp &&
		  sp - t->sig.altstack_sp <= t->sig.altstack_size;
	return (on ? SS_ONSTACK : 0) | (int)t->sig.altstack_flags;
}

int signal_altstack(const stack_t *ss, stack_t *old, uint32_t sp)
{
	struct thread *t = thread_current();
	if (old) {
		old->ss_sp = (void *)t->sig.altstack_sp;
		old->ss_size = t->sig.altstack_size;
		old->ss_flags = altstack_flags(t, sp);
	}
	if (!ss)
		return 0;
	if (altstack_flags(t, sp) & SS_ONSTACK)
		return -EPERM;
	int mode = ss->ss_flags & ~(int)SS_AUTODISARM;
	if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sig.altstack_sp = t->sig.altstack_size = 0;
		t->sig.altstack_flags = 0;
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	t->sig.altstack_sp = (uint32_t)ss->ss_sp;
	t->sig.altstack_size = ss->ss_size;
	t->sig.altstack_flags = ss->ss_flags & SS_AUTODISARM;
	return 0;
}

void signal_altstack_restore(const stack_t *ss, uint32_t sp)
{
	signal_altstack(ss, NULL, sp);
}
