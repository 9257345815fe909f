/* libc/src/signal/sigsetops.c: building signal sets. Signals 1..64;
 * others are EINVAL. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#define BITS (8 * sizeof(long))

static int bad(int sig)
{
	if (sig >= 1 && sig < NSIG)
		return 0;
	errno = EINVAL;
	return 1;
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	set->__bits[0] = set->__bits[1] = ~0ul;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	set->__bits[(sig - 1) / BITS] |= 1ul << ((sig - 1) % BITS);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	set->__bits[(sig - 1) / BITS] &= ~(1ul << ((sig - 1) % BITS));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	return (set->__bits[(sig - 1) / BITS] >> ((sig - 1) % BITS)) & 1;
}
