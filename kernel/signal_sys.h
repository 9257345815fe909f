/* kernel/signal_sys.h: the signal system calls (kernel/signal_sys.c), for
 * the table in kernel/syscall.c. Linux i386 numbers and arguments. */
#ifndef KERNEL_SIGNAL_SYS_H
#define KERNEL_SIGNAL_SYS_H

#include <stdint.h>

#define SYSCALL_ARGS uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t

long sys_pause(SYSCALL_ARGS);             /* 29 */
long sys_kill(SYSCALL_ARGS);              /* 37 */
long sys_sigaction(SYSCALL_ARGS);         /* 67 */
long sys_sigsuspend(SYSCALL_ARGS);        /* 72 */
long sys_sigpending(SYSCALL_ARGS);        /* 73 */
long sys_sigreturn(SYSCALL_ARGS);         /* 119 */
long sys_sigprocmask(SYSCALL_ARGS);       /* 126 */
long sys_rt_sigreturn(SYSCALL_ARGS);      /* 173 */
long sys_rt_sigaction(SYSCALL_ARGS);      /* 174 */
long sys_rt_sigprocmask(SYSCALL_ARGS);    /* 175 */
long sys_rt_sigpending(SYSCALL_ARGS);     /* 176 */
long sys_rt_sigtimedwait(SYSCALL_ARGS);   /* 177 */
long sys_rt_sigqueueinfo(SYSCALL_ARGS);   /* 178 */
long sys_rt_sigsuspend(SYSCALL_ARGS);     /* 179 */
long sys_sigaltstack(SYSCALL_ARGS);       /* 186 */
long sys_tkill(SYSCALL_ARGS);             /* 238 */
long sys_tgkill(SYSCALL_ARGS);            /* 270 */
long sys_rt_tgsigqueueinfo(SYSCALL_ARGS); /* 335 */
long sys_rt_sigtimedwait_time64(SYSCALL_ARGS);  /* 421 */

#undef SYSCALL_ARGS

#endif
