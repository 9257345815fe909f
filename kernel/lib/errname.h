/* kernel/lib/errname.h: errno values by name, for messages people read. */
#ifndef KERNEL_LIB_ERRNAME_H
#define KERNEL_LIB_ERRNAME_H

/* "ENOEXEC" for ENOEXEC (the sign is ignored); "E?" if unknown. */
const char *errno_name(int err);

#endif
