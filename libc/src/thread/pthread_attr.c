/* libc/src/thread/pthread_attr.c: thread attributes: the stack size. */
#include <errno.h>

#include "pthread_impl.h"

int pthread_attr_init(pthread_attr_t *a)
{
	a->stacksize = 0;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a __attribute__((unused)))
{
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->stacksize = size;
	return 0;
}
