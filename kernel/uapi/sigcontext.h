/* kernel/uapi/sigcontext.h: what Linux i386 puts on the user stack to run a
 * signal handler: the saved registers (struct sigcontext), the x87/SSE
 * state (struct _fpstate, fxsave's image after the old fsave one), the
 * ucontext, and the two frames: struct sigframe (handler(sig)) and struct
 * rt_sigframe (SA_SIGINFO: handler(sig, info, uc)). Layouts as Linux's
 * arch/x86/include/asm/sigframe.h and uapi/asm/sigcontext.h (32-bit),
 * checked by the _Static_asserts. docs/signals.md draws them. */
#ifndef UAPI_SIGCONTEXT_H
#define UAPI_SIGCONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/signal.h"

/* The registers at the moment the signal interrupted the program. */
struct sigcontext {
	uint16_t gs, __gsh;
	uint16_t fs, __fsh;
	uint16_t es, __esh;
	uint16_t ds, __dsh;
	uint32_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
	uint32_t trapno;         /* the exception vector (14: page fault) */
	uint32_t err;            /* its error code */
	uint32_t eip;
	uint16_t cs, __csh;
	uint32_t eflags;
	uint32_t esp_at_signal;
	uint16_t ss, __ssh;
	uint32_t fpstate;        /* user address of the struct _fpstate */
	uint32_t oldmask;        /* signals 1..32 of the mask to restore */
	uint32_t cr2;            /* the faulting address of a page fault */
};

struct _fpreg { uint16_t significand[4]; uint16_t exponent; };
struct _fpxreg { uint16_t significand[4]; uint16_t exponent; uint16_t padding[3]; };
struct _xmmreg { uint32_t element[4]; };

#define FP_MAGIC_FXSR 0x0000  /* _fpstate.magic: the fxsave part is valid */

/* The old fsave image (112 bytes) followed by fxsave's (512 bytes), which
 * holds SSE too; sigreturn takes x87 registers from the first part. */
struct _fpstate {
	uint32_t cw, sw, tag, ipoff, cssel, dataoff, datasel;
	struct _fpreg _st[8];
	uint16_t status;
	uint16_t magic;          /* FP_MAGIC_FXSR */
	/* fxsave's image from here: */
	uint32_t _fxsr_env[6];
	uint32_t mxcsr;
	uint32_t reserved;
	struct _fpxreg _fxsr_st[8];
	struct _xmmreg _xmm[8];
	uint32_t padding1[44];
	uint32_t padding2[12];
};

#define FPSTATE_FXSAVE_OFFSET 112  /* where fxsave's 512 bytes begin */

/* The kernel's ucontext (SA_SIGINFO handlers' third argument). */
struct kernel_ucontext {
	uint32_t uc_flags;
	uint32_t uc_link;
	stack_t uc_stack;        /* the sigaltstack settings at delivery */
	struct sigcontext uc_mcontext;
	ksigset_t uc_sigmask;    /* the mask rt_sigreturn restores */
};

/* handler(sig): the handler's `ret` pops pretcode, which pops sig and
 * calls sigreturn (119). */
struct sigframe {
	uint32_t pretcode;       /* return address: sa_restorer or retcode */
	int sig;                 /* the handler's argument */
	struct sigcontext sc;
	struct _fpstate fpstate_unused;  /* kept for the layout; the real
					    one is above the frame */
	uint32_t extramask[1];   /* signals 33..64 of the saved mask */
	char retcode[8];         /* popl %eax; movl $119,%eax; int $0x80 */
};

/* handler(sig, &info, &uc): `ret` pops pretcode, which calls
 * rt_sigreturn (173). */
struct rt_sigframe {
	uint32_t pretcode;
	int sig;
	uint32_t pinfo;          /* &info */
	uint32_t puc;            /* &uc */
	siginfo_t info;
	struct kernel_ucontext uc;
	char retcode[8];         /* movl $173,%eax; int $0x80 */
};

#ifdef __i386__
_Static_assert(sizeof(struct sigcontext) == 88, "Linux i386 sigcontext");
_Static_assert(offsetof(struct sigcontext, edi) == 16, "sc.edi");
_Static_assert(offsetof(struct sigcontext, eax) == 44, "sc.eax");
_Static_assert(offsetof(struct sigcontext, trapno) == 48, "sc.trapno");
_Static_assert(offsetof(struct sigcontext, eip) == 56, "sc.eip");
_Static_assert(offsetof(struct sigcontext, cs) == 60, "sc.cs");
_Static_assert(offsetof(struct sigcontext, eflags) == 64, "sc.eflags");
_Static_assert(offsetof(struct sigcontext, esp_at_signal) == 68, "sc.sp");
_Static_assert(offsetof(struct sigcontext, ss) == 72, "sc.ss");
_Static_assert(offsetof(struct sigcontext, fpstate) == 76, "sc.fpstate");
_Static_assert(offsetof(struct sigcontext, oldmask) == 80, "sc.oldmask");
_Static_assert(offsetof(struct sigcontext, cr2) == 84, "sc.cr2");
_Static_assert(sizeof(struct _fpstate) == 624, "Linux i386 _fpstate");
_Static_assert(offsetof(struct _fpstate, status) == 108, "fp.status");
_Static_assert(offsetof(struct _fpstate, magic) == 110, "fp.magic");
_Static_assert(offsetof(struct _fpstate, _fxsr_env) == FPSTATE_FXSAVE_OFFSET,
	       "fxsave image");
_Static_assert(offsetof(struct _fpstate, mxcsr) == 136, "fp.mxcsr");
_Static_assert(offsetof(struct _fpstate, _xmm) == 272, "fp._xmm");
_Static_assert(sizeof(struct kernel_ucontext) == 116, "Linux i386 ucontext");
_Static_assert(offsetof(struct kernel_ucontext, uc_stack) == 8, "uc_stack");
_Static_assert(offsetof(struct kernel_ucontext, uc_mcontext) == 20, "uc_mcontext");
_Static_assert(offsetof(struct kernel_ucontext, uc_sigmask) == 108, "uc_sigmask");
_Static_assert(offsetof(struct sigframe, sc) == 8, "sigframe.sc");
_Static_assert(offsetof(struct sigframe, extramask) == 720, "sigframe.extramask");
_Static_assert(offsetof(struct sigframe, retcode) == 724, "sigframe.retcode");
_Static_assert(sizeof(struct sigframe) == 732, "Linux i386 sigframe");
_Static_assert(offsetof(struct rt_sigframe, info) == 16, "rt_sigframe.info");
_Static_assert(offsetof(struct rt_sigframe, uc) == 144, "rt_sigframe.uc");
_Static_assert(offsetof(struct rt_sigframe, retcode) == 260, "rt_sigframe.retcode");
_Static_assert(sizeof(struct rt_sigframe) == 268, "Linux i386 rt_sigframe");
#endif

#endif
