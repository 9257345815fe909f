; bench/bigbss.asm: a program with a 64 MiB bss that it never touches:
; exec should cost what a small program's does (the bss is one VMA).
section .text
global _start
_start:
    mov eax, 1          ; exit(0)
    xor ebx, ebx
    int 0x80

section .bss
    resb 64 << 20

section .note.GNU-stack noalloc noexec nowrite progbits
