/* mm/failinject.h: fault injection for the allocators, as Linux's
 * fail-nth: make the Nth frame or heap allocation made by one thread fail,
 * so that a test can walk every allocation of an operation and prove each
 * failure path (ENOMEM or EAGAIN to the caller, nothing leaked). The kernel
 * option `fail=N` does the same for the Nth allocation after boot, by any
 * thread (for hunting a bug by hand). docs/testing.md. */
#ifndef MM_FAILINJECT_H
#define MM_FAILINJECT_H

#include <stdbool.h>
#include <stdint.h>

struct thread;

/* Make the nth allocation (1 = the next one) that thread t makes through
 * pmm_alloc_frame() or kmalloc() fail, once; t NULL: whichever thread
 * makes it. nth 0 disarms. One thread at a time is armed. */
void failinject_arm(struct thread *t, uint32_t nth);

/* Allocations still to go before the armed failure: 0 once it fired (or
 * if nothing is armed). A test that sees a nonzero count after an
 * operation knows the operation made fewer allocations than nth. */
uint32_t failinject_pending(void);

/* The same, as thread t sees it: 0 unless t is the armed thread
 * (/proc/thread-self/fail-nth reads this). */
uint32_t failinject_pending_for(struct thread *t);

/* Called first thing by the allocators: true if this allocation is the
 * one to fail. Cheap when nothing is armed. */
bool failinject_should_fail(void);

/* t is being freed: it can no longer be the armed thread. */
void failinject_forget(struct thread *t);

#endif
