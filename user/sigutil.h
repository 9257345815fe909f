/* user/sigutil.h: what the signal test programs (sigtest, sigfault,
 * sigproc) share: a failure note with errno, installing an SA_SIGINFO
 * handler, and the default action and blocked state of a signal. On pagoda
 * and on a host alike. */
#ifndef USER_SIGUTIL_H
#define USER_SIGUTIL_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include "ktap.h"

/* Notes why (with errno) and returns false. */
static inline bool fail(const char *why)
{
	note("%s (errno %d)", why, errno);
	return false;
}

/* Installs fn as sig's handler (the SA_SIGINFO form) with flags. */
static inline void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

/* Gives sig its default action back. */
static inline void dfl(int sig)
{
	signal(sig, SIG_DFL);
}

/* True if sig is blocked in this thread. */
static inline bool blocked(int sig)
{
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigismember(&cur, sig) == 1;
}

#endif
