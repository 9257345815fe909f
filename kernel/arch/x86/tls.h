/* kernel/arch/x86/tls.h: thread-local storage segments (set_thread_area). */
#ifndef ARCH_X86_TLS_H
#define ARCH_X86_TLS_H

#include <stdbool.h>

/* set_thread_area(uinfo) for the current thread, with Linux's semantics:
 * entry_number -1 picks a free entry (written back), 6..8 sets that one.
 * Only present 32-bit data segments are accepted, as on Linux, or a request
 * to clear the entry. Returns 0, -EFAULT, -EINVAL (a bad entry or segment)
 * or -ESRCH (no free entry). */
long tls_set_thread_area(void *uinfo);

struct thread;

/* The same for thread t (clone's CLONE_SETTLS: a new thread, not yet
 * started), as Linux's do_set_thread_area(): entry_number -1 picks a free
 * entry only if can_allocate, else it is -EINVAL. */
long tls_set(struct thread *t, void *uinfo, bool can_allocate);

#endif
