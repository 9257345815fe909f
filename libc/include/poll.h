/* poll.h: poll(2), Linux's struct pollfd and POLL* bits
 * (kernel/uapi/poll.h). */
#ifndef _POLL_H
#define _POLL_H

#include "kernel/uapi/poll.h"

#define POLLIN     0x001
#define POLLPRI    0x002
#define POLLOUT    0x004
#define POLLERR    0x008
#define POLLHUP    0x010
#define POLLNVAL   0x020
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100

typedef unsigned int nfds_t;

/* Wait until one of fds[0..n) is ready or timeout milliseconds pass (a
 * negative timeout: for ever). Returns how many have revents, 0 on
 * timeout, or -1 and errno. */
int poll(struct pollfd *fds, nfds_t n, int timeout);

#endif
