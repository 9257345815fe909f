/* sys/wait.h: wait(), waitpid() and the status macros; the encoding is
 * Linux's, shared with the kernel in kernel/uapi/wait.h. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>

#include "kernel/uapi/wait.h"

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
struct rusage;
/* waitpid, and the ended child's resource usage in *ru (if not NULL). */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
