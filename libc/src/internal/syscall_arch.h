/* libc/src/internal/syscall_arch.h: the int $0x80 trap, i386 Linux ABI:
 * number in eax, arguments in ebx ecx edx esi edi ebp, result in eax. */
#ifndef _INTERNAL_SYSCALL_ARCH_H
#define _INTERNAL_SYSCALL_ARCH_H

/* Each returns what the kernel put in eax: a result, or -errno
 * (-4095..-1). "memory": the kernel may read or write any user memory. */
static inline long __syscall0(long n)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
	return r;
}

static inline long __syscall1(long n, long a1)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a1) : "memory");
	return r;
}

static inline long __syscall2(long n, long a1, long a2)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a1), "c"(a2)
			 : "memory");
	return r;
}

static inline long __syscall3(long n, long a1, long a2, long a3)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r)
			 : "a"(n), "b"(a1), "c"(a2), "d"(a3) : "memory");
	return r;
}

static inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r)
			 : "a"(n), "b"(a1), "c"(a2), "d"(a3), "S"(a4)
			 : "memory");
	return r;
}

static inline long __syscall5(long n, long a1, long a2, long a3, long a4,
			      long a5)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r)
			 : "a"(n), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
			 : "memory");
	return r;
}

/* ebp may be the frame pointer, so it cannot be named as an operand: push
 * a6 first (while esp-relative operands are still right), save ebp, load
 * it from the stack, trap, and put both back. (musl does the same.) */
static inline long __syscall6(long n, long a1, long a2, long a3, long a4,
			      long a5, long a6)
{
	long r;
	__asm__ volatile("pushl %7\n\t"
			 "pushl %%ebp\n\t"
			 "movl 4(%%esp), %%ebp\n\t"
			 "int $0x80\n\t"
			 "popl %%ebp\n\t"
			 "addl $4, %%esp"
			 : "=a"(r)
			 : "a"(n), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5),
			   "g"(a6)
			 : "memory");
	return r;
}

#endif
