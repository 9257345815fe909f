/* kernel/init.h: starting the first user process. */
#ifndef KERNEL_INIT_H
#define KERNEL_INIT_H

/* Run init (the `init=` path, default /bin/init, with the words after
 * "--" as its arguments), wait for it to end, report its status and leave
 * QEMU with it: the exit code, or 128+signal if it was killed. If exec
 * fails, print `exec PATH failed: ENAME` and leave with 127 for ENOENT,
 * 126 otherwise, as a shell does. Never returns. */
__attribute__((noreturn)) void init_run(void);

#endif
