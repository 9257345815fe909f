/* sys/ucontext.h: the ucontext a SA_SIGINFO handler gets, as glibc and
 * musl lay it out on i386: its first 108 bytes are the kernel's
 * (kernel/uapi/sigcontext.h); gregs[REG_EIP] and friends are the saved
 * registers, which sigreturn loads back. */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <signal.h>

enum {
	REG_GS, REG_FS, REG_ES, REG_DS, REG_EDI, REG_ESI, REG_EBP, REG_ESP,
	REG_EBX, REG_EDX, REG_ECX, REG_EAX, REG_TRAPNO, REG_ERR, REG_EIP,
	REG_CS, REG_EFL, REG_UESP, REG_SS,
};
#define NGREG 19

typedef int greg_t;
typedef greg_t gregset_t[NGREG];

typedef struct {
	gregset_t gregs;
	void *fpregs;             /* the struct _fpstate */
	unsigned long oldmask;
	unsigned long cr2;
} mcontext_t;

typedef struct __ucontext {
	unsigned long uc_flags;
	struct __ucontext *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
} ucontext_t;

#endif
