/* kernel/panic.h: stopping on a broken kernel invariant. Never for anything
 * a user program can cause: that returns an error or kills the process. */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <stddef.h>

struct trapframe;

/* Print the message, the registers if tf is given, and a symbolized
 * backtrace, then leave QEMU with EXIT_PANIC. */
__attribute__((noreturn, format(printf, 2, 3)))
void panic_with_frame(const struct trapframe *tf, const char *fmt, ...);

#define panic(...) panic_with_frame(NULL, __VA_ARGS__)

#define KASSERT(cond)                                                       \
	do {                                                                \
		if (__builtin_expect(!(cond), 0))                           \
			panic("assertion failed: %s at %s:%d", #cond,       \
			      __FILE__, __LINE__);                          \
	} while (0)

#endif
