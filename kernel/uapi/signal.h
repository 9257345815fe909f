/* kernel/uapi/signal.h: Linux's i386 signal ABI: the numbers, the kernel's
 * struct sigaction, siginfo_t, stack_t and their flags, laid out exactly as
 * Linux's i386 headers give them (_Static_asserts below). Shared by the
 * kernel and libc. The register frames a handler sees are in
 * kernel/uapi/sigcontext.h. */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include <stddef.h>
#include <stdint.h>

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGILL   4
#define SIGTRAP  5
#define SIGABRT  6
#define SIGIOT   6
#define SIGBUS   7
#define SIGFPE   8
#define SIGKILL  9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG  23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO   29
#define SIGPOLL 29
#define SIGPWR  30
#define SIGSYS  31
#define SIGRTMIN_KERNEL 32  /* the kernel's first real-time signal */
#define NSIG_KERNEL     64  /* signals 1..64 */

/* The kernel's signal set: bit (sig - 1) for signal sig. rt_sig* calls
 * take its size (8) as their sigsetsize argument. */
typedef uint64_t ksigset_t;

/* sa_handler's two special values */
#define SIG_DFL ((uint32_t)0)
#define SIG_IGN ((uint32_t)1)

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001u  /* no SIGCHLD when a child stops/continues */
#define SA_NOCLDWAIT 0x00000002u  /* children are reaped automatically */
#define SA_SIGINFO   0x00000004u  /* handler(sig, siginfo_t *, ucontext *) */
#define SA_RESTORER  0x04000000u  /* sa_restorer returns from the handler */
#define SA_ONSTACK   0x08000000u  /* run on the sigaltstack */
#define SA_RESTART   0x10000000u  /* restart interrupted system calls */
#define SA_NODEFER   0x40000000u  /* do not block sig in its handler */
#define SA_RESETHAND 0x80000000u  /* one-shot: back to SIG_DFL on delivery */

/* rt_sigprocmask's how */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* The kernel's struct sigaction on i386 (rt_sigaction), handler first. */
struct k_sigaction {
	uint32_t handler;     /* SIG_DFL, SIG_IGN or the handler's address */
	uint32_t flags;       /* SA_* */
	uint32_t restorer;    /* with SA_RESTORER: where the handler returns */
	ksigset_t mask;       /* blocked while the handler runs */
};

/* The old sigaction(2) (number 67): handler, one word of mask, flags,
 * restorer. */
struct old_k_sigaction {
	uint32_t handler;
	uint32_t mask;
	uint32_t flags;
	uint32_t restorer;
};

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* siginfo_t: 128 bytes; which union member is valid follows si_code and
 * the signal. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[29];
		struct { int pid; uint32_t uid; } _kill;
		struct { int tid; int overrun; union sigval value; } _timer;
		struct { int pid; uint32_t uid; union sigval value; } _rt;
		struct { int pid; uint32_t uid; int status; long utime, stime; } _sigchld;
		struct { void *addr; short addr_lsb; } _sigfault;
		struct { long band; int fd; } _sigpoll;
	} _sifields;
} siginfo_t;

#define si_pid     _sifields._kill.pid
#define si_uid     _sifields._kill.uid
#define si_timerid _sifields._timer.tid
#define si_overrun _sifields._timer.overrun
#define si_value   _sifields._rt.value
#define si_int     _sifields._rt.value.sival_int
#define si_ptr     _sifields._rt.value.sival_ptr
#define si_status  _sifields._sigchld.status
#define si_utime   _sifields._sigchld.utime
#define si_stime   _sifields._sigchld.stime
#define si_addr    _sifields._sigfault.addr
#define si_band    _sifields._sigpoll.band
#define si_fd      _sifields._sigpoll.fd

/* si_code: who sent it */
#define SI_USER    0      /* kill() */
#define SI_KERNEL  0x80   /* the kernel (a fault without a finer code, ...) */
#define SI_QUEUE   (-1)   /* sigqueue() */
#define SI_TIMER   (-2)   /* a POSIX timer */
#define SI_TKILL   (-6)   /* tkill() or tgkill() */
/* ... and per signal, for the kernel's own */
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define SEGV_MAPERR 1     /* no mapping at si_addr */
#define SEGV_ACCERR 2     /* the mapping forbids the access */
#define BUS_ADRALN 1
#define BUS_ADRERR 2      /* no object behind the address (past a file) */
#define TRAP_BRKPT 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

/* An alternate signal stack (sigaltstack). */
typedef struct {
	void *ss_sp;
	int ss_flags;
	uint32_t ss_size;
} stack_t;

#define SS_ONSTACK    1
#define SS_DISABLE    2
#define SS_AUTODISARM (1u << 31)
#define MINSIGSTKSZ   2048
#define SIGSTKSZ      8192

#ifdef __i386__
_Static_assert(sizeof(struct k_sigaction) == 20, "Linux i386 sigaction");
_Static_assert(offsetof(struct k_sigaction, flags) == 4, "sa_flags");
_Static_assert(offsetof(struct k_sigaction, restorer) == 8, "sa_restorer");
_Static_assert(offsetof(struct k_sigaction, mask) == 12, "sa_mask");
_Static_assert(sizeof(struct old_k_sigaction) == 16, "old sigaction");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
_Static_assert(offsetof(siginfo_t, si_code) == 8, "si_code");
_Static_assert(offsetof(siginfo_t, si_pid) == 12, "si_pid");
_Static_assert(offsetof(siginfo_t, si_uid) == 16, "si_uid");
_Static_assert(offsetof(siginfo_t, si_status) == 20, "si_status");
_Static_assert(offsetof(siginfo_t, si_value) == 20, "si_value");
_Static_assert(offsetof(siginfo_t, si_overrun) == 16, "si_overrun");
_Static_assert(offsetof(siginfo_t, si_addr) == 12, "si_addr");
_Static_assert(sizeof(stack_t) == 12, "stack_t");
_Static_assert(offsetof(stack_t, ss_flags) == 4, "ss_flags");
_Static_assert(offsetof(stack_t, ss_size) == 8, "ss_size");
#endif

#endif
