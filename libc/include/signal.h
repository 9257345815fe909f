/* signal.h: the signal numbers (Linux's, kernel/uapi/signal.h), kill()
 * and raise(). No handlers yet: every signal has its default action. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include "kernel/uapi/signal.h"

typedef int sig_atomic_t;

int kill(pid_t pid, int sig);
int raise(int sig);

#endif
