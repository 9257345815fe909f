/* kernel/arch/x86/sigframe.c: Linux's i386 signal frames. Delivering a
 * signal to a handler pushes, below the interrupted stack pointer: the
 * FPU state (old fsave image + fxsave image, kernel/uapi/sigcontext.h),
 * then the frame (registers, mask, return code), and points eip at the
 * handler. The handler's `ret` lands in sigreturn, which puts everything
 * back, possibly changed by the handler. docs/signals.md draws it. */
#include "kernel/arch/x86/sigframe.h"

#include <stddef.h>

#include "kernel/arch/x86/fpu.h"
#include "kernel/arch/x86/gdt.h"
#include "kernel/arch/x86/trap.h"
#include "kernel/lib/string.h"
#include "kernel/signal.h"
#include "kernel/thread.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/sigcontext.h"
#include "kernel/uapi/unistd_32.h"
#include "mm/uaccess.h"

#define FXSAVE_SIZE 512
#define LEGACY_SIZE FPSTATE_FXSAVE_OFFSET  /* the fsave image: 112 bytes */

/* The eflags bits a handler may change through sigreturn (Linux's
 * FIX_EFLAGS): AC OF DF TF SF ZF AF PF CF RF. Never IF or IOPL. */
#define FIX_EFLAGS 0x00050dd5u

/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
static const char retcode[8] = { 0x58, (char)0xb8, __NR_sigreturn, 0, 0, 0,
				 (char)0xcd, (char)0x80 };
/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
static const char rt_retcode[8] = { (char)0xb8, (char)__NR_rt_sigreturn, 0,
				    0, 0, (char)0xcd, (char)0x80, 0 };

bool sigframe_on_altstack(uint32_t sp)
{
	struct thread *t = thread_current();
	return t->sig.altstack_size && sp > t->sig.altstack_sp &&
	       sp - t->sig.altstack_sp <= t->sig.altstack_size;
}

/* The x87 tag word in fsave's two-bit form, from fxsave's abridged one
 * (a bit per register: empty or not) and the registers' contents. */
static uint16_t full_tag_word(const uint8_t *fx)
{
	uint16_t fsw, twd = 0;
	memcpy(&fsw, fx + 2, 2);
	unsigned top = (fsw >> 11) & 7;
	for (unsigned i = 0; i < 8; i++) {
		unsigned tag = 3;  /* empty */
		if (fx[4] & (1u << i)) {
			const uint8_t *st = fx + 32 + 16 * ((i - top) & 7);
			uint16_t exp;
			uint64_t mant;
			memcpy(&mant, st, 8);
			memcpy(&exp, st + 8, 2);
			exp &= 0x7fff;
			if (exp == 0x7fff)
				tag = 2;                 /* special */
			else if (exp == 0)
				tag = mant ? 2 : 1;      /* denormal, or zero */
			else
				tag = mant >> 63 ? 0 : 2;/* valid, or unnormal */
		}
		twd |= (uint16_t)(tag << (2 * i));
	}
	return twd;
}

/* Linux's convert_from_fxsr: the fsave image user code may read. */
static void legacy_from_fxsave(struct _fpstate *l, const uint8_t *fx)
{
	uint16_t w;
	memset(l, 0, LEGACY_SIZE);
	memcpy(&w, fx + 0, 2);
	l->cw = 0xffff0000u | w;
	memcpy(&w, fx + 2, 2);
	l->sw = 0xffff0000u | w;
	l->status = w;
	l->tag = 0xffff0000u | full_tag_word(fx);
	memcpy(&l->ipoff, fx + 8, 4);
	memcpy(&w, fx + 12, 2);
	uint16_t fop;
	memcpy(&fop, fx + 6, 2);
	l->cssel = w | ((uint32_t)(fop & 0x7ff) << 16);
	memcpy(&l->dataoff, fx + 16, 4);
	memcpy(&w, fx + 20, 2);
	l->datasel = 0xffff0000u | w;
	for (int i = 0; i < 8; i++)
		memcpy(&l->_st[i], fx + 32 + 16 * i, 10);
	l->magic = FP_MAGIC_FXSR;
}

/* Linux's convert_to_fxsr: the x87 part comes from the fsave image. */
static void fxsave_from_legacy(uint8_t *fx, const struct _fpstate *l)
{
	uint16_t w = (uint16_t)l->cw;
	memcpy(fx + 0, &w, 2);
	w = (uint16_t)l->sw;
	memcpy(fx + 2, &w, 2);
	uint8_t abridged = 0;
	for (int i = 0; i < 8; i++)
		if (((l->tag >> (2 * i)) & 3) != 3)
			abridged |= (uint8_t)(1u << i);
	fx[4] = abridged;
	w = (uint16_t)(l->cssel >> 16);
	memcpy(fx + 6, &w, 2);
	memcpy(fx + 8, &l->ipoff, 4);
	w = (uint16_t)l->cssel;
	memcpy(fx + 12, &w, 2);
	memcpy(fx + 16, &l->dataoff, 4);
	w = (uint16_t)l->datasel;
	memcpy(fx + 20, &w, 2);
	for (int i = 0; i < 8; i++)
		memcpy(fx + 32 + 16 * i, &l->_st[i], 10);
}

/* Write the running thread's FPU state at user address ufp (624 bytes)
 * and give the handler a clean FPU. */
static int save_fpu(uint32_t ufp)
{
	struct thread *t = thread_current();
	struct _fpstate legacy;  /* only its first LEGACY_SIZE bytes used */
	fpu_save(t->fpu);
	legacy_from_fxsave(&legacy, t->fpu->fxsave);
	if (copy_to_user((void *)ufp, &legacy, LEGACY_SIZE) ||
	    copy_to_user((void *)(ufp + LEGACY_SIZE), t->fpu->fxsave,
			 FXSAVE_SIZE))
		return -EFAULT;
	fpu_reset(t->fpu);
	fpu_restore(t->fpu);
	return 0;
}

static int restore_fpu(uint32_t ufp)
{
	struct thread *t = thread_current();
	if (!ufp) {  /* no state saved: a clean FPU, as Linux */
		fpu_reset(t->fpu);
		fpu_restore(t->fpu);
		return 0;
	}
	struct _fpstate legacy;
	if (copy_from_user(&legacy, (void *)ufp, LEGACY_SIZE) ||
	    copy_from_user(t->fpu->fxsave, (void *)(ufp + LEGACY_SIZE),
			   FXSAVE_SIZE)) {
		fpu_reset(t->fpu);
		fpu_restore(t->fpu);
		return -EFAULT;
	}
	fxsave_from_legacy(t->fpu->fxsave, &legacy);
	/* A reserved MXCSR bit would make fxrstor fault in the kernel. */
	uint32_t mxcsr;
	memcpy(&mxcsr, t->fpu->fxsave + 24, 4);
	mxcsr &= fpu_mxcsr_mask();
	memcpy(t->fpu->fxsave + 24, &mxcsr, 4);
	fpu_restore(t->fpu);
	return 0;
}

static void fill_sigcontext(struct sigcontext *sc, const struct trapframe *tf,
			    uint32_t ufp, ksigset_t mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = (uint16_t)tf->gs;
	sc->fs = (uint16_t)tf->fs;
	sc->es = (uint16_t)tf->es;
	sc->ds = (uint16_t)tf->ds;
	sc->edi = tf->edi;
	sc->esi = tf->esi;
	sc->ebp = tf->ebp;
	sc->esp = tf->user_esp;
	sc->ebx = tf->ebx;
	sc->edx = tf->edx;
	sc->ecx = tf->ecx;
	sc->eax = tf->eax;
	if (tf->vector < 32) {  /* a fault: what and where */
		sc->trapno = tf->vector;
		sc->err = tf->err;
		sc->cr2 = thread_current()->sig.fault_cr2;
	}
	sc->eip = tf->eip;
	sc->cs = (uint16_t)tf->cs;
	sc->eflags = tf->eflags;
	sc->esp_at_signal = tf->user_esp;
	sc->ss = (uint16_t)tf->user_ss;
	sc->fpstate = ufp;
	sc->oldmask = (uint32_t)mask;
}

/* Where the frame of size bytes goes, and the FPU state above it, as
 * Linux's get_sigframe: the alternate stack if asked for and not on it
 * already; fxsave's image 64-byte aligned; the frame placed so that the
 * handler starts with (esp + 4) 16-byte aligned, as after a call.
 * Returns the frame's address, 0 if it would not fit. */
static uint32_t frame_address(const struct trapframe *tf,
			      const struct k_sigaction *ka, uint32_t size,
			      uint32_t *ufp)
{
	struct thread *t = thread_current();
	uint32_t sp = tf->user_esp;
	bool alt = sigframe_on_altstack(sp);
	if ((ka->flags & SA_ONSTACK) && !alt && t->sig.altstack_size) {
		sp = t->sig.altstack_sp + t->sig.altstack_size;
		alt = true;
	}
	uint32_t fx = (sp - FXSAVE_SIZE) & ~63u;
	*ufp = fx - LEGACY_SIZE;
	uint32_t frame = ((*ufp - size + 4) & ~15u) - 4;
	if (frame > sp || (alt && !sigframe_on_altstack(frame)))
		return 0;  /* wrapped, or overflows the alternate stack */
	return frame;
}

/* The ucontext's uc_stack: the alternate stack as it was at delivery. */
static void save_altstack(stack_t *ss, uint32_t sp)
{
	struct thread *t = thread_current();
	ss->ss_sp = (void *)t->sig.altstack_sp;
	ss->ss_size = t->sig.altstack_size;
	ss->ss_flags = (int)(sigframe_on_altstack(sp) ? SS_ONSTACK
			     : t->sig.altstack_size ? 0 : SS_DISABLE) |
		       (int)t->sig.altstack_flags;
}

static int setup_rt(struct trapframe *tf, uint32_t frame, uint32_t ufp,
		    int sig, const struct k_sigaction *ka,
		    const siginfo_t *info, ksigset_t oldmask)
{
	struct rt_sigframe *f = (struct rt_sigframe *)frame;
	uint32_t head[4] = {
		ka->flags & SA_RESTORER ? ka->restorer
					: (uint32_t)&f->retcode,
		(uint32_t)sig, (uint32_t)&f->info, (uint32_t)&f->uc,
	};
	struct { uint32_t flags, link; stack_t stack; } uc_head = { 0, 0, {0} };
	save_altstack(&uc_head.stack, tf->user_esp);
	struct sigcontext sc;
	fill_sigcontext(&sc, tf, ufp, oldmask);
	if (copy_to_user(f, head, sizeof(head)) ||
	    copy_to_user(&f->info, info, sizeof(*info)) ||
	    copy_to_user(&f->uc, &uc_head, sizeof(uc_head)) ||
	    copy_to_user(&f->uc.uc_mcontext, &sc, sizeof(sc)) ||
	    copy_to_user(&f->uc.uc_sigmask, &oldmask, sizeof(oldmask)) ||
	    copy_to_user(f->retcode, rt_retcode, sizeof(rt_retcode)))
		return -EFAULT;
	tf->edx = (uint32_t)&f->info;  /* regparm(3) handlers, as Linux */
	tf->ecx = (uint32_t)&f->uc;
	return 0;
}

static int setup_plain(struct trapframe *tf, uint32_t frame, uint32_t ufp,
		       int sig, const struct k_sigaction *ka,
		       ksigset_t oldmask)
{
	struct sigframe *f = (struct sigframe *)frame;
	uint32_t head[2] = {
		ka->flags & SA_RESTORER ? ka->restorer
					: (uint32_t)&f->retcode,
		(uint32_t)sig,
	};
	uint32_t extramask = (uint32_t)(oldmask >> 32);
	struct sigcontext sc;
	fill_sigcontext(&sc, tf, ufp, oldmask);
	if (copy_to_user(f, head, sizeof(head)) ||
	    copy_to_user(&f->sc, &sc, sizeof(sc)) ||
	    copy_to_user(&f->extramask, &extramask, sizeof(extramask)) ||
	    copy_to_user(f->retcode, retcode, sizeof(retcode)))
		return -EFAULT;
	tf->edx = tf->ecx = 0;
	return 0;
}

int sigframe_setup(struct trapframe *tf, int sig, const struct k_sigaction *ka,
		   const siginfo_t *info, ksigset_t oldmask)
{
	struct thread *t = thread_current();
	bool rt = ka->flags & SA_SIGINFO;
	uint32_t ufp, size = rt ? sizeof(struct rt_sigframe)
				: sizeof(struct sigframe);
	uint32_t frame = frame_address(tf, ka, size, &ufp);
	if (!frame)
		return -EFAULT;
	int r = rt ? setup_rt(tf, frame, ufp, sig, ka, info, oldmask)
		   : setup_plain(tf, frame, ufp, sig, ka, oldmask);
	if (r || save_fpu(ufp))
		return -EFAULT;
	if ((ka->flags & SA_ONSTACK) && (t->sig.altstack_flags & SS_AUTODISARM))
		t->sig.altstack_sp = t->sig.altstack_size = 0;
	tf->user_esp = frame;
	tf->eip = ka->handler;
	tf->eax = (uint32_t)sig;
	tf->ds = tf->es = tf->user_ss = SEG_UDATA;
	tf->cs = SEG_UCODE;
	tf->eflags &= ~(0x400u | 0x100u | 0x10000u);  /* DF, TF, RF */
	return 0;
}

void sigframe_syscall_restart(struct trapframe *tf, int nr,
			      const struct k_sigaction *ka)
{
	long r = (long)tf->eax;
	switch (r) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		if (ka)
			goto eintr;
		break;
	case -ERESTARTSYS:
		if (ka && !(ka->flags & SA_RESTART))
			goto eintr;
		break;
	case -ERESTARTNOINTR:
		break;
	default:
		return;
	}
	/* Back over `int $0x80` (2 bytes) with the number in eax again. */
	tf->eax = r == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall
					      : (uint32_t)nr;
	tf->eip -= 2;
	return;
eintr:
	tf->eax = (uint32_t)-EINTR;
}

/* A data-segment selector a handler may leave in its sigcontext: null,
 * the user data segment, or a present TLS entry. Anything else would
 * fault on the way back to ring 3. */
static bool data_selector_ok(uint16_t sel)
{
	if (sel < 4 || sel == SEG_UDATA)
		return true;
	unsigned idx = sel >> 3;
	if ((sel & 7) != 3 || idx < GDT_TLS_FIRST ||
	    idx >= GDT_TLS_FIRST + GDT_TLS_COUNT)
		return false;
	uint64_t d = thread_current()->tls[idx - GDT_TLS_FIRST];
	return d & (1ull << 47);  /* present */
}

static int restore_sigcontext(struct trapframe *tf, const struct sigcontext *sc)
{
	if ((sc->cs | 3) != SEG_UCODE || (sc->ss | 3) != SEG_UDATA ||
	    !data_selector_ok(sc->ds) || !data_selector_ok(sc->es) ||
	    !data_selector_ok(sc->fs) || !data_selector_ok(sc->gs))
		return -EFAULT;
	tf->gs = sc->gs;
	tf->fs = sc->fs;
	tf->es = sc->es;
	tf->ds = sc->ds;
	tf->edi = sc->edi;
	tf->esi = sc->esi;
	tf->ebp = sc->ebp;
	tf->user_esp = sc->esp;
	tf->ebx = sc->ebx;
	tf->edx = sc->edx;
	tf->ecx = sc->ecx;
	tf->eax = sc->eax;
	tf->eip = sc->eip;
	tf->cs = SEG_UCODE;
	tf->user_ss = SEG_UDATA;
	tf->eflags = (tf->eflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	return restore_fpu(sc->fpstate);
}

long sigframe_return(bool rt)
{
	struct thread *t = thread_current();
	struct trapframe *tf = thread_user_frame(t);
	struct sigcontext sc;
	ksigset_t mask;
	stack_t ss;
	t->restart.fn = NULL;  /* a restart_syscall now would be stale */
	if (rt) {
		struct rt_sigframe *f = (struct rt_sigframe *)(tf->user_esp - 4);
		if (copy_from_user(&sc, &f->uc.uc_mcontext, sizeof(sc)) ||
		    copy_from_user(&mask, &f->uc.uc_sigmask, sizeof(mask)) ||
		    copy_from_user(&ss, &f->uc.uc_stack, sizeof(ss)))
			goto bad;
	} else {
		struct sigframe *f = (struct sigframe *)(tf->user_esp - 8);
		uint32_t extra;
		if (copy_from_user(&sc, &f->sc, sizeof(sc)) ||
		    copy_from_user(&extra, &f->extramask, sizeof(extra)))
			goto bad;
		mask = sc.oldmask | ((ksigset_t)extra << 32);
	}
	signal_set_mask(SIG_SETMASK, mask);
	if (restore_sigcontext(tf, &sc))
		goto bad;
	if (rt)  /* as Linux's restore_altstack: errors other than EFAULT
		    (we are on it, say) leave it as it is */
		signal_altstack_restore(&ss, tf->user_esp);
	return (long)tf->eax;
bad:
	signal_force(SIGSEGV, NULL);
	return (long)tf->eax;
}
