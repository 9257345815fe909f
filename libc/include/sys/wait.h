/* sys/wait.h: wait(), waitpid() and the status macros; the encoding is
 * Linux's, shared with the kernel in kernel/uapi/wait.h. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <signal.h>
#include <sys/types.h>

#include "kernel/uapi/wait.h"

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
struct rusage;
/* waitpid, and the ended child's resource usage in *ru (if not NULL). */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

/* waitid: idtype P_ALL, P_PID or P_PGID and id say which children,
 * options which events (WEXITED, WSTOPPED, WCONTINUED; WNOHANG, WNOWAIT);
 * *info tells what happened (si_code CLD_*, si_pid, si_status). */
typedef int idtype_t;
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);

#endif
