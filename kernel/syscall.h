/* kernel/syscall.h: the system-call entry. Linux i386 ABI: int 0x80,
 * number in eax, arguments in ebx, ecx, edx, esi, edi, ebp, the result
 * (or -errno) back in eax. */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

struct trapframe;

/* Run the system call tf describes and store its result in tf->eax. */
void syscall_dispatch(struct trapframe *tf);

#endif
