/* pagoda/syscall.h: pagoda's own system calls, which Linux does not have
 * (numbers in kernel/uapi/pagoda_unistd.h). On Linux each fails with
 * ENOSYS, so a program can tell where it runs. */
#ifndef _PAGODA_SYSCALL_H
#define _PAGODA_SYSCALL_H

#include "kernel/uapi/pagoda_unistd.h"

/* The number of the physical frame (physical address / 4096) mapped at
 * addr in this process, or -1 with errno EFAULT if no page is mapped
 * there (touch it first), ENOSYS if this is not pagoda. */
long pagoda_frame(const void *addr);

#endif
