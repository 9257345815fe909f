/* kernel/uapi/pagoda_unistd.h: the numbers of pagoda's own system calls,
 * the ones Linux does not have. They start at PAGODA_NR_BASE, far above
 * Linux's i386 numbers (under SYSCALL_NR_MAX), so no Linux call will ever
 * take one; on Linux they return ENOSYS. Shared with libc
 * (<pagoda/syscall.h>); docs/adding-a-syscall.md says how to add one. */
#ifndef KERNEL_UAPI_PAGODA_UNISTD_H
#define KERNEL_UAPI_PAGODA_UNISTD_H

#define PAGODA_NR_BASE 1024

#define __NR_pagoda_frame 1024  /* the frame mapped at a user address */

#define PAGODA_NR_END 1025  /* one past the last pagoda call */

#endif
