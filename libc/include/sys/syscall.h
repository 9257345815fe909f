/* sys/syscall.h: the system-call numbers (__NR_*), for syscall(). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include "kernel/uapi/unistd_32.h"

#endif
