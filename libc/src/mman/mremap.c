/* libc/src/mman/mremap.c: mremap(2); the new address is read only with
 * MREMAP_FIXED. */
#include <stdarg.h>
#include <sys/mman.h>

#include "syscall.h"

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = 0;
	if (flags & MREMAP_FIXED) {
		va_list ap;
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__syscall5(__NR_mremap, (long)old,
						(long)old_len, (long)new_len,
						flags, (long)new_addr));
}
