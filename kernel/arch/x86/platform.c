/* kernel/arch/x86/platform.c: CPUID and TSC behind kernel/platform.h. */
#include "kernel/platform.h"

#include "kernel/arch/x86/cpu.h"

uint32_t platform_hwcap(void)
{
	static uint32_t hwcap;
	if (!hwcap) {
		uint32_t a, b, c;
		cpuid(1, &a, &b, &c, &hwcap);
	}
	return hwcap;
}

void platform_random(void *buf, size_t n)
{
	static uint64_t state = 0x9e3779b97f4a7c15ull;
	uint8_t *out = buf;
	state ^= rdtsc();
	for (size_t i = 0; i < n; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		out[i] = (uint8_t)(state >> 32);
	}
}
