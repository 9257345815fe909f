/* sys/mman.h: memory mappings (libc/src/mman/), Linux's flags
 * (kernel/uapi/mman.h). Each returns -1 (MAP_FAILED for mmap and mremap)
 * and sets errno on failure. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#include "kernel/uapi/mman.h"

/* Map len bytes; offset must be a multiple of the page size. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
/* With MREMAP_FIXED, a fifth argument gives the new address. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int madvise(void *addr, size_t len, int advice);
int msync(void *addr, size_t len, int flags);
int mincore(void *addr, size_t len, unsigned char *vec);

#endif
