/* kernel/session.h: sessions and process groups (setsid, setpgid and
 * friends), as Linux: every process is in a process group, every group
 * in a session; the terminal sends its signals to one group, the
 * foreground one (kernel/tty_ioctl.c). The ids live in struct proc
 * (pgid, sid), changed through pid_set_groups() (kernel/pid.h), which
 * counts the users of each id under proc_lock. */
#ifndef KERNEL_SESSION_H
#define KERNEL_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/signal.h"

/* Send sig with info (NULL: from the kernel) to every process of group
 * pgid. Returns 0 if the group has a process, else -ESRCH. Safe in an
 * interrupt handler. */
int session_kill_pgrp(int pgid, int sig, const siginfo_t *info);

/* True if some process (live or zombie) is in group pgid of session
 * sid (sid 0: of any session). */
bool session_pgrp_exists(int pgid, int sid);

#define SYSCALL_ARGS uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t
long sys_setpgid(SYSCALL_ARGS);  /* 57 */
long sys_getpgrp(SYSCALL_ARGS);  /* 65 */
long sys_setsid(SYSCALL_ARGS);   /* 66 */
long sys_getpgid(SYSCALL_ARGS);  /* 132 */
long sys_getsid(SYSCALL_ARGS);   /* 147 */
#undef SYSCALL_ARGS

#endif
