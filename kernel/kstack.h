/* kernel/kstack.h: how deep kernel stacks really go (docs/threads.md).
 * The debug build (make DEBUG=1) paints every new kernel stack with a
 * pattern; the deepest word no longer holding it is the deepest the
 * thread's stack has ever been. The system's deepest is kept with the
 * thread that reached it and, when a system call was seen to reach it,
 * the call. Other builds paint nothing and measure nothing. */
#ifndef KERNEL_KSTACK_H
#define KERNEL_KSTACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct thread;

#define KSTACK_PAINT 0xc0ffee57u  /* every word of a stack never used */

/* Paint the KSTACK_SIZE bytes at base (a new thread's stack, before
 * anything is put on it; the canary goes on top of the lowest word
 * after). A stack allocator calls it for every stack it hands out. */
void kstack_paint(void *base);

/* Bytes of the stack at base (painted by kstack_paint) that have been
 * used: from its top down to its deepest word that lost the paint. */
size_t kstack_used(const void *base);

/* The deepest use seen so far, system wide. */
struct kstack_record {
	size_t bytes;    /* 0: nothing measured (not the debug build) */
	int tid;         /* the thread that went that deep */
	char name[16];   /* its process's name ("" for a kernel thread) */
	int syscall;     /* the call it had just made, or -1 if seen at exit */
};
void kstack_deepest(struct kstack_record *out);

/* t is being freed: its stack's use counts toward the deepest. */
void kstack_account(struct thread *t);

/* The running thread returns from system call nr: if its stack went
 * deeper than the deepest so far (one word looked at), measure it and
 * name the call. Nothing at all outside the debug build. */
#ifdef PAGODA_DEBUG
void kstack_after_syscall(int nr);
#else
static inline void kstack_after_syscall(int nr)
{
	(void)nr;
}
#endif

#endif
