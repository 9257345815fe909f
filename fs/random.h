/* fs/random.h: the kernel's random bytes, behind /dev/urandom, AT_RANDOM
 * and getrandom(): a xoshiro256** generator seeded from the time-stamp
 * counter at first use and stirred again on each call. Unpredictable
 * enough for stack canaries and hash seeds; not for cryptography. */
#ifndef FS_RANDOM_H
#define FS_RANDOM_H

#include <stddef.h>

/* Fill buf with n random bytes. */
void random_bytes(void *buf, size_t n);

#endif
