/* libc/src/unistd/nice.c: nice(3): add inc to the calling thread's nice
 * value and return the new one, as glibc does it: a raise the caller may
 * not make (EACCES from setpriority) is EPERM here, as POSIX says. */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

int nice(int inc)
{
	errno = 0;
	int now = getpriority(PRIO_PROCESS, 0);
	if (now == -1 && errno)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, now + inc)) {
		if (errno == EACCES)
			errno = EPERM;
		return -1;
	}
	return getpriority(PRIO_PROCESS, 0);
}
