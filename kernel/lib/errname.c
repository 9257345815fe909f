/* kernel/lib/errname.c: the names of the errno values pagoda returns. */
#include "kernel/lib/errname.h"

#include "kernel/uapi/errno.h"

#define NAME(e) [e] = #e

static const char *const names[] = {
	NAME(EPERM), NAME(ENOENT), NAME(ESRCH), NAME(EINTR), NAME(EIO),
	NAME(ENXIO), NAME(E2BIG), NAME(ENOEXEC), NAME(EBADF), NAME(ECHILD),
	NAME(EAGAIN), NAME(ENOMEM), NAME(EACCES), NAME(EFAULT), NAME(EBUSY),
	NAME(EEXIST), NAME(ENOTDIR), NAME(EISDIR), NAME(EINVAL), NAME(ENFILE),
	NAME(EMFILE), NAME(ENOTTY), NAME(EFBIG), NAME(ENOSPC), NAME(ESPIPE),
	NAME(EROFS), NAME(EPIPE), NAME(EDOM), NAME(ERANGE),
	NAME(ENAMETOOLONG), NAME(ENOSYS), NAME(ENOTEMPTY), NAME(ELOOP),
};

const char *errno_name(int err)
{
	unsigned e = err < 0 ? (unsigned)-err : (unsigned)err;
	if (e < sizeof(names) / sizeof(names[0]) && names[e])
		return names[e];
	return "E?";
}
