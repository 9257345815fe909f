/* kernel/itimer.h: the real-time interval timer of a process: alarm(),
 * setitimer() and getitimer() with ITIMER_REAL, which send SIGALRM from
 * the timer tick (kernel/time.h's callback timers). */
#ifndef KERNEL_ITIMER_H
#define KERNEL_ITIMER_H

#include <stdint.h>

struct proc;

/* Disarm p's timer (its end: the process goes away). */
void itimer_exit(struct proc *p);

#define SYSCALL_ARGS uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t
long sys_alarm(SYSCALL_ARGS);      /* 27 */
long sys_setitimer(SYSCALL_ARGS);  /* 104 */
long sys_getitimer(SYSCALL_ARGS);  /* 105 */
#undef SYSCALL_ARGS

#endif
