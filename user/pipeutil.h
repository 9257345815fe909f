/* user/pipeutil.h: what the pipe test programs (pipetest, pipeflow)
 * share: waiting for a child, with the failure noted. */
#ifndef USER_PIPEUTIL_H
#define USER_PIPEUTIL_H

#include <errno.h>
#include <sys/wait.h>

#include "ktap.h"

/* waitpid(pid) (-1: any child), retried after EINTR; the status, or -1. */
static inline int wait_child(pid_t pid)
{
	int status = -1;
	pid_t r;
	while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	if (pid > 0 ? r != pid : r <= 0)
		note("waitpid(%d) failed: errno %d", pid, errno);
	return status;
}

#endif
