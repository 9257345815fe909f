/* sys/select.h: select(2) and its descriptor sets (1024 bits, as Linux's
 * fd_set). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(d, s) ((s)->fds_bits[(d) / 32] |= 1ul << ((d) % 32))
#define FD_CLR(d, s) ((s)->fds_bits[(d) / 32] &= ~(1ul << ((d) % 32)))
#define FD_ISSET(d, s) (!!((s)->fds_bits[(d) / 32] & (1ul << ((d) % 32))))

#ifndef _STRUCT_TIMEVAL
#define _STRUCT_TIMEVAL
struct timeval {
	time_t tv_sec;
	long tv_usec;
};
#endif

/* Wait until a descriptor below n in one of the sets is ready, or the
 * timeout passes (NULL: for ever). The sets are replaced by the ready
 * ones and, as on Linux, *timeout by the time left. Returns the number
 * of bits set, 0 on timeout, or -1 and errno. */
int select(int n, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout);

#endif
