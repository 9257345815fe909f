/* fs/random.c: the generator behind fs/random.h. */
#include "fs/random.h"

#include <stdbool.h>
#include <stdint.h>

#include "kernel/arch/x86/cpu.h"
#include "kernel/platform.h"

static uint64_t s[4];
static bool seeded;

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next(void)
{
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

void random_bytes(void *buf, size_t n)
{
	if (!seeded) {
		platform_random(s, sizeof(s));
		s[0] |= 1;  /* never the all-zero state */
		seeded = true;
	}
	s[3] ^= rdtsc();  /* stir: two calls never repeat a stream */
	uint8_t *out = buf;
	while (n) {
		uint64_t r = next();
		for (int i = 0; i < 8 && n; i++, n--) {
			*out++ = (uint8_t)r;
			r >>= 8;
		}
	}
}
