/* sys/ioctl.h: device control; the request numbers are Linux's
 * (kernel/uapi/ioctls.h). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include "kernel/uapi/ioctls.h"

/* One pointer- or int-sized argument, as every request pagoda knows. */
int ioctl(int fd, unsigned long request, ...);

#endif
