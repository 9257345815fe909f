/* setjmp.h: non-local jumps. sigsetjmp(env, 1) also saves the signal
 * mask, which siglongjmp restores; plain setjmp does not (as glibc's
 * and musl's). */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef struct __jmp_buf_tag {
	unsigned long __jb[6];       /* ebx esi edi ebp esp eip */
	unsigned long __fl;          /* sigsetjmp: the mask was saved */
	unsigned long __ss[128 / sizeof(long)];
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
