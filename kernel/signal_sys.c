/* kernel/signal_sys.c: the signal system calls. Each copies its arguments
 * in, calls kernel/signal.c, copies results out; Linux's errnos. */
#include "kernel/signal_sys.h"

#include "kernel/arch/x86/sigframe.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/string.h"
#include "kernel/proc.h"
#include "kernel/session.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

#define SIGSET_SIZE sizeof(ksigset_t)
#define INT_MIN_ (-2147483647 - 1)

long sys_rt_sigaction(uint32_t sig, uint32_t uact, uint32_t uold,
		      uint32_t size, uint32_t a5, uint32_t a6)
{
	struct k_sigaction act, old;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (uact && copy_from_user(&act, (void *)uact, sizeof(act)))
		return -EFAULT;
	int r = signal_sigaction((int)sig, uact ? &act : NULL,
				 uold ? &old : NULL);
	if (!r && uold && copy_to_user((void *)uold, &old, sizeof(old)))
		return -EFAULT;
	return r;
}

/* The old sigaction(2): one word of mask. */
long sys_sigaction(uint32_t sig, uint32_t uact, uint32_t uold, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	struct old_k_sigaction oa;
	struct k_sigaction act, old;
	if (uact) {
		if (copy_from_user(&oa, (void *)uact, sizeof(oa)))
			return -EFAULT;
		act = (struct k_sigaction){ oa.handler, oa.flags, oa.restorer,
					    oa.mask };
	}
	int r = signal_sigaction((int)sig, uact ? &act : NULL,
				 uold ? &old : NULL);
	if (r || !uold)
		return r;
	oa = (struct old_k_sigaction){ old.handler, (uint32_t)old.mask,
				       old.flags, old.restorer };
	return copy_to_user((void *)uold, &oa, sizeof(oa)) ? -EFAULT : 0;
}

long sys_rt_sigprocmask(uint32_t how, uint32_t uset, uint32_t uold,
			uint32_t size, uint32_t a5, uint32_t a6)
{
	ksigset_t set, old;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, (void *)uset, sizeof(set)))
			return -EFAULT;
		if (how > SIG_SETMASK)
			return -EINVAL;
		old = signal_set_mask((int)how, set);
	} else {
		old = thread_current()->sig.blocked;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The old sigprocmask(2): signals 1..32 only; SIG_SETMASK keeps the
 * real-time part of the mask, as Linux. */
long sys_sigprocmask(uint32_t how, uint32_t uset, uint32_t uold, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	uint32_t set;
	ksigset_t old = thread_current()->sig.blocked;
	if (uset) {
		if (copy_from_user(&set, (void *)uset, sizeof(set)))
			return -EFAULT;
		if (how > SIG_SETMASK)
			return -EINVAL;
		if (how == SIG_SETMASK)
			signal_set_mask(SIG_SETMASK, (old & ~0xffffffffull) | set);
		else
			signal_set_mask((int)how, set);
	}
	uint32_t old32 = (uint32_t)old;
	if (uold && copy_to_user((void *)uold, &old32, sizeof(old32)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(uint32_t uset, uint32_t size, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	if (size > SIGSET_SIZE)
		return -EINVAL;
	ksigset_t s = signal_pending_set() & thread_current()->sig.blocked;
	return copy_to_user((void *)uset, &s, size) ? -EFAULT : 0;
}

long sys_sigpending(uint32_t uset, uint32_t a2, uint32_t a3, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	return sys_rt_sigpending(uset, 4, 0, 0, 0, 0);
}

long sys_rt_sigsuspend(uint32_t umask, uint32_t size, uint32_t a3, uint32_t a4,
		       uint32_t a5, uint32_t a6)
{
	ksigset_t mask;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, (void *)umask, sizeof(mask)))
		return -EFAULT;
	return signal_suspend(mask);
}

/* i386's sigsuspend(history0, history1, mask): the mask is the third. */
long sys_sigsuspend(uint32_t h0, uint32_t h1, uint32_t mask, uint32_t a4,
		    uint32_t a5, uint32_t a6)
{
	ksigset_t blocked = thread_current()->sig.blocked;
	return signal_suspend((blocked & ~0xffffffffull) | mask);
}

long sys_pause(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	signal_wait_any();
	return -ERESTARTNOHAND;
}

/* rt_sigtimedwait with a timeout of 32-bit (time32) or 64-bit fields. */
static long timedwait(uint32_t uset, uint32_t uinfo, uint32_t uts,
		      uint32_t size, bool time64)
{
	ksigset_t set;
	uint64_t deadline = 0;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&set, (void *)uset, sizeof(set)))
		return -EFAULT;
	if (uts) {
		int64_t sec, nsec;
		if (time64) {
			int64_t ts[2];
			if (copy_from_user(ts, (void *)uts, sizeof(ts)))
				return -EFAULT;
			sec = ts[0], nsec = ts[1];
		} else {
			int32_t ts[2];
			if (copy_from_user(ts, (void *)uts, sizeof(ts)))
				return -EFAULT;
			sec = ts[0], nsec = ts[1];
		}
		if (sec < 0 || nsec < 0 || nsec >= (int64_t)NSEC_PER_SEC)
			return -EINVAL;
		/* A zero timeout polls: a deadline already passed. */
		deadline = time_monotonic_ns() + (uint64_t)sec * NSEC_PER_SEC +
			   (uint64_t)nsec;
		if (!deadline)
			deadline = 1;
	}
	siginfo_t info;
	long sig = signal_timedwait(set, deadline, &info);
	if (sig > 0 && uinfo && copy_to_user((void *)uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}

long sys_rt_sigtimedwait(uint32_t uset, uint32_t uinfo, uint32_t uts,
			 uint32_t size, uint32_t a5, uint32_t a6)
{
	return timedwait(uset, uinfo, uts, size, false);
}

long sys_rt_sigtimedwait_time64(uint32_t uset, uint32_t uinfo, uint32_t uts,
				uint32_t size, uint32_t a5, uint32_t a6)
{
	return timedwait(uset, uinfo, uts, size, true);
}

long sys_sigaltstack(uint32_t uss, uint32_t uold, uint32_t a3, uint32_t a4,
		     uint32_t a5, uint32_t a6)
{
	stack_t ss, old;
	if (uss && copy_from_user(&ss, (void *)uss, sizeof(ss)))
		return -EFAULT;
	uint32_t sp = thread_user_frame(thread_current())->user_esp;
	int r = signal_altstack(uss ? &ss : NULL, &old, sp);
	if (!r && uold && copy_to_user((void *)uold, &old, sizeof(old)))
		return -EFAULT;
	return r;
}

long sys_sigreturn(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		   uint32_t a5, uint32_t a6)
{
	return sigframe_return(false);
}

long sys_rt_sigreturn(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
		      uint32_t a5, uint32_t a6)
{
	return sigframe_return(true);
}

/* The siginfo of a kill() from the running process. */
static void user_info(siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = proc_current()->pid;
	info->si_uid = 0;
}

/* kill(-1, sig): every process but init and the caller. */
struct kill_all { int sig; const siginfo_t *info; int reached; };

static void kill_one(struct proc *p, void *arg)
{
	struct kill_all *k = arg;
	if (p->pid == 1 || p == proc_current())
		return;
	k->reached++;
	if (k->sig)
		signal_send(p, k->sig, k->info);
}

long sys_kill(uint32_t upid, uint32_t usig, uint32_t a3, uint32_t a4,
	      uint32_t a5, uint32_t a6)
{
	int pid = (int)upid, sig = (int)usig;
	siginfo_t info;
	if (sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	user_info(&info, sig, SI_USER);
	if (pid > 0) {
		struct proc *p = proc_find(pid);
		if (!p)
			return -ESRCH;
		return sig ? signal_send(p, sig, &info) : 0;
	}
	if (pid == -1) {
		struct kill_all k = { sig, &info, 0 };
		proc_for_each(kill_one, &k);
		return k.reached ? 0 : -ESRCH;
	}
	if (pid == INT_MIN_)
		return -ESRCH;
	int pgid = pid ? -pid : proc_current()->pgid;
	return session_kill_pgrp(pgid, sig, &info);
}

/* tkill/tgkill: thread tid (of process tgid, if tgid > 0). */
static long kill_thread(int tgid, int tid, int sig)
{
	siginfo_t info;
	if (tid <= 0 || sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	struct thread *t = proc_find_thread(tid, tgid);
	if (!t)
		return -ESRCH;
	user_info(&info, sig, SI_TKILL);
	return sig ? signal_send_thread(t, sig, &info) : 0;
}

long sys_tkill(uint32_t tid, uint32_t sig, uint32_t a3, uint32_t a4,
	       uint32_t a5, uint32_t a6)
{
	return kill_thread(0, (int)tid, (int)sig);
}

long sys_tgkill(uint32_t tgid, uint32_t tid, uint32_t sig, uint32_t a4,
		uint32_t a5, uint32_t a6)
{
	if ((int)tgid <= 0)
		return -EINVAL;
	return kill_thread((int)tgid, (int)tid, (int)sig);
}

long sys_rt_sigqueueinfo(uint32_t upid, uint32_t usig, uint32_t uinfo,
			 uint32_t a4, uint32_t a5, uint32_t a6)
{
	siginfo_t info;
	int pid = (int)upid, sig = (int)usig;
	if (copy_from_user(&info, (void *)uinfo, sizeof(info)))
		return -EFAULT;
	/* Nobody may pretend to be the kernel, kill() or tkill(). */
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) &&
	    pid != proc_current()->pid)
		return -EPERM;
	if (sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	info.si_signo = sig;
	struct proc *p = pid > 0 ? proc_find(pid) : NULL;
	if (!p)
		return -ESRCH;
	return sig ? signal_send(p, sig, &info) : 0;
}

long restart_none(struct restart_block *rb)
{
	return -EINTR;
}

/* restart_syscall(): resume the call a signal interrupted, as its
 * restart block says (kernel/restart.h); once only. */
long sys_restart_syscall(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			 uint32_t a5, uint32_t a6)
{
	struct restart_block *rb = &thread_current()->restart;
	long (*fn)(struct restart_block *) = rb->fn ? rb->fn : restart_none;
	rb->fn = NULL;
	return fn(rb);
}

/* rt_tgsigqueueinfo(tgid, tid, sig, info): rt_sigqueueinfo to one
 * thread. */
long sys_rt_tgsigqueueinfo(uint32_t tgid, uint32_t tid, uint32_t usig,
			   uint32_t uinfo, uint32_t a5, uint32_t a6)
{
	siginfo_t info;
	int sig = (int)usig;
	if ((int)tgid <= 0 || (int)tid <= 0)
		return -EINVAL;
	if (copy_from_user(&info, (void *)uinfo, sizeof(info)))
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) &&
	    (int)tgid != proc_current()->pid)
		return -EPERM;
	if (sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	info.si_signo = sig;
	struct thread *t = proc_find_thread((int)tid, (int)tgid);
	if (!t)
		return -ESRCH;
	return sig ? signal_send_thread(t, sig, &info) : 0;
}
