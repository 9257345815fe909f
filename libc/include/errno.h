/* errno.h: errno and the error numbers, Linux's (kernel/uapi/errno.h).
 * One thread per process so far: errno is a plain global. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include "kernel/uapi/errno.h"

extern int errno;

#endif
