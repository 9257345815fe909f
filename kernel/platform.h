/* kernel/platform.h: machine facts that portable code needs, answered by
 * kernel/arch/x86/platform.c. */
#ifndef KERNEL_PLATFORM_H
#define KERNEL_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* The hardware capabilities word for AT_HWCAP (on i386, CPUID.1:EDX). */
uint32_t platform_hwcap(void);

/* Fill buf with n unpredictable-enough bytes (for AT_RANDOM): a xorshift
 * generator stirred with the time-stamp counter on every call. Not for
 * cryptography. */
void platform_random(void *buf, size_t n);

#endif
