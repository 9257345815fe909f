/* kernel/arch/x86/dump.h: the x86 half of a panic report: the saved
 * registers and the frame-pointer backtrace. */
#ifndef ARCH_X86_DUMP_H
#define ARCH_X86_DUMP_H

struct trapframe;

/* Print what the trap was (vector name; the error code, decoded for a page
 * fault, with CR2), every register saved in tf, and CR0/CR2/CR3/CR4. Call
 * before anything else can fault: CR2 is read here, not saved by the trap. */
void dump_trapframe(const struct trapframe *tf);

/* Print a symbolized backtrace, one "  [<c0101234>] function+0x1c" line per
 * frame, at most DUMP_MAX_FRAMES: tf's eip and its callers, or, if tf is
 * NULL, this function's callers. Follows the ebp chain, which ends at 0
 * (set in boot/boot.asm); stops at the first frame pointer that is not a
 * rising, aligned kernel address or cannot be read, so a corrupt chain
 * ends the walk instead of faulting again. A line "[<...>] ? name+0x.." is
 * a guess from the stack: the caller of a frameless leaf function. Frames
 * with the same return address in a row (a recursion) print once, then
 * "  ... the line above N more times". */
void dump_backtrace(const struct trapframe *tf);

#define DUMP_MAX_FRAMES 32

#endif
