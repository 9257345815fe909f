/* libc/src/internal/syscall.h: what a system-call wrapper needs: the
 * numbers (shared with the kernel), the traps, and __syscall_ret. */
#ifndef _INTERNAL_SYSCALL_H
#define _INTERNAL_SYSCALL_H

#include "kernel/uapi/errno.h"
#include "kernel/uapi/unistd_32.h"
#include "syscall_arch.h"

/* The one place errno is set from a system call: r in -4095..-1 means
 * error -r, so errno = -r and the wrapper returns -1; else r itself. */
long __syscall_ret(unsigned long r);

#endif
