/* libc/src/thread/__clone.c: the one piece of a thread's birth C cannot
 * write: after clone(2) the child runs on a new stack, with none of the
 * caller's frames, so it must call fn(arg) and exit without returning.
 * int __clone(fn, stack, flags, arg, ptid, tls, ctid) */
#include "pthread_impl.h"

__asm__(
	".text\n"
	".globl __clone\n"
	".type __clone, @function\n"
	"__clone:\n"
	"	push %ebp\n"
	"	push %ebx\n"
	"	push %esi\n"
	"	push %edi\n"
	/* arguments now start at 20(%esp) */
	"	mov 24(%esp), %ecx\n"      /* stack */
	"	and $-16, %ecx\n"
	"	sub $16, %ecx\n"           /* [ecx] = fn, [ecx+4] = arg */
	"	mov 20(%esp), %eax\n"
	"	mov %eax, (%ecx)\n"
	"	mov 32(%esp), %eax\n"
	"	mov %eax, 4(%ecx)\n"
	"	mov 28(%esp), %ebx\n"      /* flags */
	"	mov 36(%esp), %edx\n"      /* ptid */
	"	mov 40(%esp), %esi\n"      /* tls */
	"	mov 44(%esp), %edi\n"      /* ctid */
	"	mov $120, %eax\n"          /* __NR_clone */
	"	int $0x80\n"
	"	test %eax, %eax\n"
	"	jz 1f\n"
	"	pop %edi\n"
	"	pop %esi\n"
	"	pop %ebx\n"
	"	pop %ebp\n"
	"	ret\n"
	"1:	xor %ebp, %ebp\n"          /* the child: the end of frame chains */
	"	mov (%esp), %edx\n"
	"	mov 4(%esp), %eax\n"
	"	mov %eax, (%esp)\n"        /* fn's argument; esp 16-aligned */
	"	call *%edx\n"
	"	mov %eax, %ebx\n"
	"	mov $1, %eax\n"            /* __NR_exit: this thread only */
	"	int $0x80\n"
	"	hlt\n"
	".size __clone, . - __clone\n");
