/* sys/prctl.h: prctl() (PR_SET_NAME, PR_GET_NAME). */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include "kernel/uapi/resource.h"  /* PR_* */

int prctl(int option, ...);

#endif
