/* sys/wait.h: wait(), waitpid() and the status macros; the encoding is
 * Linux's, shared with the kernel in kernel/uapi/wait.h. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>

#include "kernel/uapi/wait.h"

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

#endif
