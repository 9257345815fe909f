/* libc/src/string/strerror.c: the message for an errno value. */
#include <errno.h>
#include <string.h>

static const char *const msgs[] = {
	[0] = "No error information",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "I/O error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child process",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Out of memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Resource busy",
	[EEXIST] = "File exists",
	[ENOTDIR] = "Not a directory",
	[ENODEV] = "No such device",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "No file descriptors available",
	[ENOTTY] = "Not a tty",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Invalid seek",
	[EROFS] = "Read-only file system",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Domain error",
	[ERANGE] = "Result not representable",
	[ENAMETOOLONG] = "Filename too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Symbolic link loop",
	[EOVERFLOW] = "Value too large for data type",
	[EOPNOTSUPP] = "Not supported",
};

char *strerror(int errnum)
{
	if (errnum < 0 || (size_t)errnum >= sizeof(msgs) / sizeof(msgs[0]) ||
	    !msgs[errnum])
		errnum = 0;
	return (char *)msgs[errnum];
}
