/* signal.h: signals, with Linux's numbers and structures (shared with the
 * kernel in kernel/uapi/signal.h): sigaction and signal, the mask calls,
 * kill and raise. sigset_t is 128 bytes, as in glibc and musl; the
 * kernel reads the first 8 (signals 1..64). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include "kernel/uapi/signal.h"

/* The kernel's SIG_DFL / SIG_IGN are numbers; C wants handlers. */
#undef SIG_DFL
#undef SIG_IGN
typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

#define NSIG     65
#define _NSIG    65
#define SIGRTMIN 34  /* 32 and 33 are the C library's, as glibc */
#define SIGRTMAX 64

struct timespec;

typedef int sig_atomic_t;
typedef struct { unsigned long __bits[128 / sizeof(long)]; } sigset_t;

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler   __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigtimedwait(const sigset_t *set, siginfo_t *info,
		 const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigaltstack(const stack_t *ss, stack_t *old);
int sigqueue(pid_t pid, int sig, const union sigval value);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);

#endif
