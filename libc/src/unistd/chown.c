/* libc/src/unistd/chown.c: chown, lchown, fchown, fchownat, by the
 * 32-bit-id calls (the 16-bit ones cannot name ids past 65535). */
#include <unistd.h>

#include "syscall.h"

int chown(const char *path, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_chown32, (long)path, uid, gid));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_lchown32, (long)path, uid, gid));
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_fchown32, fd, uid, gid));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return __syscall_ret(__syscall5(__NR_fchownat, dirfd, (long)path, uid,
					gid, flags));
}
