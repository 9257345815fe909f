/* libc/src/errno/errno.c: errno lives in each thread's struct pthread
 * (the main thread's until a second one exists); system-call wrappers set
 * it only through __syscall_ret. */
#include <errno.h>

#include "pthread_impl.h"

int *__errno_location(void)
{
	return &pthread_self()->errno_val;
}
