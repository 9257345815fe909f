/* sched.h: scheduling. */
#ifndef _SCHED_H
#define _SCHED_H

/* Give the CPU to another runnable thread; always returns 0. */
int sched_yield(void);

#endif
