/* sys/auxv.h: getauxval(), a value from the auxiliary vector exec left
 * above envp. Keys are Linux's AT_* (kernel/uapi/auxv.h). */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include "kernel/uapi/auxv.h"

/* The value for key type, or 0 with errno = ENOENT when exec gave none. */
unsigned long getauxval(unsigned long type);

#endif
