; bench/exit0.asm: the smallest static program: exit(0). What
; fork+execve+exit+wait costs with nothing of the program's own in it.
section .text
global _start
_start:
    mov eax, 1          ; exit
    xor ebx, ebx
    int 0x80

section .note.GNU-stack noalloc noexec nowrite progbits
