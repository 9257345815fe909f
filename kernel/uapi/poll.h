/* kernel/uapi/poll.h: poll()'s descriptor record and select()'s event
 * sets, Linux's layout for i386. Shared by the kernel and libc. The
 * POLL* bits are in fs/file.h (and libc's poll.h). */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#include <stddef.h>

struct pollfd {
	int fd;
	short events;   /* POLL* bits asked for */
	short revents;  /* POLL* bits that hold, filled by the kernel */
};

_Static_assert(sizeof(struct pollfd) == 8, "struct pollfd is 8 bytes");
_Static_assert(offsetof(struct pollfd, revents) == 6, "revents at 6");

#define POLLRDBAND 0x080
#define POLLWRBAND 0x200

#endif
