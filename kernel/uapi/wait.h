/* kernel/uapi/wait.h: the wait status as Linux encodes it, and wait4()'s
 * options. The kernel builds statuses; libc's <sys/wait.h> reads them. */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

/* Exited: the code in bits 8..15, bits 0..7 zero (code << 8).
 * Killed by a signal: the signal in bits 0..6, bit 7 set if it dumped core.
 * Stopped: 0x7f in bits 0..7, the signal in bits 8..15. */
#define W_EXITCODE(code, sig) ((((code) & 0xff) << 8) | ((sig) & 0x7f))
#define W_STOPCODE(sig)       ((((sig) & 0xff) << 8) | 0x7f)
#define WCOREFLAG             0x80

#define WEXITSTATUS(s)  (((s) & 0xff00) >> 8)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WCOREDUMP(s)    ((s) & WCOREFLAG)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
/* Signaled: the low 16 bits are neither 0 (exited) nor 0x7f (stopped). */
#define WIFSIGNALED(s)  (((s) & 0xffff) - 1u < 0xffu)
#define WIFCONTINUED(s) ((s) == 0xffff)

/* wait4() options */
#define WNOHANG    1
#define WUNTRACED  2
#define WCONTINUED 8
#define __WNOTHREAD 0x20000000  /* only children of the calling thread */
#define __WALL      0x40000000  /* every child, whatever its exit signal */
#define __WCLONE    0x80000000u /* only "clone" children: exit signal not
				   SIGCHLD */

/* waitid() options: which events (at least one), and WNOWAIT to leave
 * the child waitable. WSTOPPED is WUNTRACED's other name. */
#define WSTOPPED   2
#define WEXITED    4
#define WNOWAIT    0x01000000

/* waitid()'s idtype: which children id names */
#define P_ALL   0  /* any (id ignored) */
#define P_PID   1  /* the child whose pid is id */
#define P_PGID  2  /* any in process group id (0: the caller's) */
#define P_PIDFD 3  /* the child a pidfd names (pagoda has no pidfds) */

#endif
