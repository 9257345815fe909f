/* libc/src/process/waitid.c: waitid, the wait that names its children by
 * kind (P_ALL, P_PID, P_PGID) and tells what happened in a siginfo_t. The
 * system call has a fifth argument, the child's rusage, which POSIX's
 * waitid does not pass (glibc and musl give NULL too). */
#include <signal.h>
#include <sys/wait.h>

#include "syscall.h"

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return __syscall_ret(__syscall5(__NR_waitid, idtype, id, (long)info,
					options, 0));
}
