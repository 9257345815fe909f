/* libc/src/pagoda/pagoda_frame.c: pagoda_frame(2), a pagoda-only call. */
#include <pagoda/syscall.h>

#include "syscall.h"

long pagoda_frame(const void *addr)
{
	return __syscall_ret(__syscall1(__NR_pagoda_frame, (long)addr));
}
