/* libc/src/errno/errno.c: errno itself; system-call wrappers set it only
 * through __syscall_ret. */
#include <errno.h>

int errno;
