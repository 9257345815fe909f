/* libc/src/thread/pthread_exit.c: end the calling thread only (exit(2),
 * not exit_group); its joiner reads result. */
#include "pthread_impl.h"
#include "syscall.h"

void pthread_exit(void *result)
{
	pthread_self()->result = result;
	for (;;)
		__syscall1(__NR_exit, 0);
}
