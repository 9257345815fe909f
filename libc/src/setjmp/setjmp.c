/* libc/src/setjmp/setjmp.c: setjmp/longjmp and sigsetjmp/siglongjmp for
 * i386. The jmp_buf keeps the callee-saved registers, the stack pointer
 * after setjmp returns and its return address; sigsetjmp with savemask
 * also keeps the signal mask, which siglongjmp restores (how a program
 * leaves a SIGSEGV handler). */
#include <setjmp.h>
#include <signal.h>

#include "syscall.h"

__asm__(".text\n"
	".global setjmp\n"
	".global _setjmp\n"
	"setjmp:\n"
	"_setjmp:\n"
	"\tmovl 4(%esp), %eax\n"
	"\tmovl %ebx, 0(%eax)\n"
	"\tmovl %esi, 4(%eax)\n"
	"\tmovl %edi, 8(%eax)\n"
	"\tmovl %ebp, 12(%eax)\n"
	"\tleal 4(%esp), %ecx\n"
	"\tmovl %ecx, 16(%eax)\n"   /* esp once setjmp has returned */
	"\tmovl (%esp), %ecx\n"
	"\tmovl %ecx, 20(%eax)\n"   /* where it returns */
	"\txorl %eax, %eax\n"
	"\tret\n"
	".global longjmp\n"
	".global _longjmp\n"
	"longjmp:\n"
	"_longjmp:\n"
	"\tmovl 4(%esp), %edx\n"
	"\tmovl 8(%esp), %eax\n"
	"\ttestl %eax, %eax\n"
	"\tjnz 1f\n"
	"\tincl %eax\n"             /* longjmp(env, 0) returns 1 */
	"1:\n"
	"\tmovl 0(%edx), %ebx\n"
	"\tmovl 4(%edx), %esi\n"
	"\tmovl 8(%edx), %edi\n"
	"\tmovl 12(%edx), %ebp\n"
	"\tmovl 16(%edx), %esp\n"
	"\tjmp *20(%edx)\n"
	/* sigsetjmp(env, savemask): remember savemask, save the mask with
	 * rt_sigprocmask(SIG_BLOCK, NULL, &env->__ss, 8), then be setjmp
	 * (a tail jump: setjmp's frame is ours). */
	".global sigsetjmp\n"
	".global __sigsetjmp\n"
	"sigsetjmp:\n"
	"__sigsetjmp:\n"
	"\tmovl 4(%esp), %ecx\n"
	"\tmovl 8(%esp), %eax\n"
	"\tmovl %eax, 24(%ecx)\n"
	"\ttestl %eax, %eax\n"
	"\tjz setjmp\n"
	"\tpushl %ebx\n"
	"\tpushl %esi\n"
	"\tleal 28(%ecx), %edx\n"
	"\txorl %ecx, %ecx\n"
	"\txorl %ebx, %ebx\n"
	"\tmovl $8, %esi\n"
	"\tmovl $175, %eax\n"
	"\tint $0x80\n"
	"\tpopl %esi\n"
	"\tpopl %ebx\n"
	"\tjmp setjmp\n");

_Noreturn void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__fl)
		__syscall4(__NR_rt_sigprocmask, SIG_SETMASK, (long)env->__ss, 0,
			   sizeof(ksigset_t));
	longjmp(env, val);
}
