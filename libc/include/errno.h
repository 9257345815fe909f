/* errno.h: errno and the error numbers, Linux's (kernel/uapi/errno.h).
 * Each thread has its own errno. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include "kernel/uapi/errno.h"

int *__errno_location(void);
#define errno (*__errno_location())

#endif
