/* kernel/arch/x86/tls.h: thread-local storage segments (set_thread_area). */
#ifndef ARCH_X86_TLS_H
#define ARCH_X86_TLS_H

/* set_thread_area(uinfo) for the current thread, with Linux's semantics:
 * entry_number -1 picks a free entry (written back), 6..8 sets that one.
 * Only present 32-bit data segments are accepted, as on Linux, or a request
 * to clear the entry. Returns 0, -EFAULT, -EINVAL (a bad entry or segment)
 * or -ESRCH (no free entry). */
long tls_set_thread_area(void *uinfo);

#endif
